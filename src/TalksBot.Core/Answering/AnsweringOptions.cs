using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Answering;

/// <summary>Settings for asking: how much to retrieve, how much conversation to remember, where the lexicon is.</summary>
public sealed class AnsweringOptions
{
    /// <summary>The configuration section these settings are read from.</summary>
    public const string Section = "Answering";

    /// <summary>How many passages retrieval returns for the answerer to read.</summary>
    [Range(1, 50)]
    public int RetrievalLimit { get; set; } = 8;

    /// <summary>How many earlier turns of a conversation are kept and passed to the answerer.</summary>
    [Range(0, 50)]
    public int HistoryTurns { get; set; } = 5;

    /// <summary>How many conversations are remembered at once; the least recently used is forgotten first.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>The folder holding the lexicon YAML files.</summary>
    [Required(AllowEmptyStrings = false)]
    public string LexiconPath { get; set; } = Lexicon.DefaultPath;

    /// <summary>The sentence ranker's fitted weights, written by <c>talksbot fit</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string WeightsPath { get; set; } = Ranking.RankerModel.DefaultPath;

    /// <summary>Throws when a setting is out of range, naming its configuration key (e.g. <c>Answering:RetrievalLimit</c>).</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            var problems = results.Select(r => $"{Section}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}");
            throw new ArgumentException($"Invalid answering settings: {string.Join("; ", problems)}");
        }
    }
}
