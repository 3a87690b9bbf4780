using System.Security.Cryptography;
using System.Text;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Splits a suite into a part that answering weights may be fitted and tuned on and a held-out part that is only
/// reported on. Items are split by group, the part of their id before the last '-' (SQuAD ids are "article-question"),
/// so every question of one article falls on the same side. A group is held out when the first byte of the SHA-256 of
/// its name is below 48 (about a fifth of groups): the rule depends on the name alone, so adding or removing other
/// articles never moves a group from one side to the other.
/// </summary>
public static class HeldOutSplit
{
    private const byte HeldOutBelow = 48;

    /// <summary>True when the group named <paramref name="group"/> belongs to the held-out part.</summary>
    public static bool IsHeldOut(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(group), hash);
        return hash[0] < HeldOutBelow;
    }

    /// <summary>The group of an item: its id up to the last '-', or the whole id when it has none.</summary>
    public static string GroupOf(QaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var dash = item.Id.LastIndexOf('-');
        return dash > 0 ? item.Id[..dash] : item.Id;
    }

    // The train part leaves out, besides the held-out groups, every item sharing a gold answer with a held-out item: the
    // same fact asked in other words ("who led the amercian delegation" beside "Who led the U.S. delegation?") would
    // otherwise be fitted on and then reported as unseen.
    private static List<QaItem> Train(IReadOnlyList<QaItem> items)
    {
        var heldOutAnswers = items.Where(i => IsHeldOut(GroupOf(i)))
            .SelectMany(i => i.Answers)
            .Select(a => a.Trim().ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return [.. items.Where(i => !IsHeldOut(GroupOf(i)) && !i.Answers.Any(a => heldOutAnswers.Contains(a.Trim().ToLowerInvariant())))];
    }

    /// <summary>Keeps the items of <paramref name="part"/>.</summary>
    public static QaSuite Select(QaSuite suite, SuitePart part)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return part switch
        {
            SuitePart.All => suite,
            SuitePart.Train => suite with { Name = suite.Name + " (train part)", Items = Train(suite.Items) },
            SuitePart.HeldOut => suite with { Name = suite.Name + " (held-out part)", Items = [.. suite.Items.Where(i => IsHeldOut(GroupOf(i)))] },
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown suite part."),
        };
    }
}
