namespace TalksBot.Discord.Commands;

/// <summary>Every <see cref="IBotCommand"/> registered in DI, by name.</summary>
internal sealed class CommandTable
{
    private readonly Dictionary<string, IBotCommand> _byName;

    public CommandTable(IEnumerable<IBotCommand> commands)
    {
        var list = commands.ToList();
        var duplicate = list.GroupBy(c => c.Definition.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two commands are registered with the name '{duplicate.Key}'");
        }

        _byName = list.ToDictionary(c => c.Definition.Name, StringComparer.Ordinal);
        Definitions = [.. list.Select(c => c.Definition)];
    }

    public IReadOnlyList<ApplicationCommandDefinition> Definitions { get; }

    public IBotCommand? Find(string? name) => name is not null && _byName.TryGetValue(name, out var command) ? command : null;
}
