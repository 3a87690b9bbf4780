using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TalksBot.Core.Answering;

/// <summary>
/// General domain knowledge the extractive answerer reads from YAML (sides and their aliases, role words,
/// months, places, synonyms, stop words, prompt-injection phrases), so it applies to any article set on the story.
/// </summary>
public sealed class Lexicon
{
    /// <summary>Where the lexicon lives when no path is configured, relative to the working directory.</summary>
    public const string DefaultPath = "data/lexicon";

    private Lexicon(LexiconBuilder builder)
    {
        Sides = builder.Sides;
        Roles = builder.Roles;
        RoleQuestionWords = builder.RoleQuestions.ToHashSet(StringComparer.Ordinal);
        OrganizationWords = builder.Organizations.ToHashSet(StringComparer.Ordinal);
        PersonNouns = builder.PersonNouns.ToHashSet(StringComparer.Ordinal);
        Months = builder.Months;
        RelativeDateWords = builder.RelativeDates;
        PlaceCues = builder.PlaceCues.ToHashSet(StringComparer.Ordinal);
        Places = builder.Places;
        SynonymGroups = builder.SynonymGroups;
        Stopwords = builder.Stopwords.ToHashSet(StringComparer.Ordinal);
        FollowUpOpeners = [.. builder.FollowUpOpeners.OrderByDescending(o => o.Length)];
        InjectionPhrases = builder.InjectionPhrases;
    }

    /// <summary>The parties, in file order.</summary>
    public IReadOnlyList<LexiconSide> Sides { get; }

    /// <summary>Role and title phrases, lower case ("foreign minister", "ceo").</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Words that ask for a role rather than a name ("title", "position").</summary>
    public IReadOnlySet<string> RoleQuestionWords { get; }

    /// <summary>Words that make a capitalised run an organisation or event ("fund", "ministry", "war").</summary>
    public IReadOnlySet<string> OrganizationWords { get; }

    /// <summary>Nouns that make a "which ..." question ask for a person ("official", "envoy").</summary>
    public IReadOnlySet<string> PersonNouns { get; }

    /// <summary>Month names and abbreviations, lower case, to month number.</summary>
    public IReadOnlyDictionary<string, int> Months { get; }

    /// <summary>Words that date something without a calendar date ("ago", "yesterday").</summary>
    public IReadOnlyList<string> RelativeDateWords { get; }

    /// <summary>Words that introduce a place ("in", "venue").</summary>
    public IReadOnlySet<string> PlaceCues { get; }

    /// <summary>Place names that come up in the story.</summary>
    public IReadOnlyList<string> Places { get; }

    /// <summary>Groups of words with one meaning, lower case.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SynonymGroups { get; }

    /// <summary>Question words and other words that carry no content, lower case.</summary>
    public IReadOnlySet<string> Stopwords { get; }

    /// <summary>Opening words of an elliptical follow-up ("and", "what about"), longest first.</summary>
    public IReadOnlyList<string> FollowUpOpeners { get; }

    /// <summary>Phrases that address the bot rather than ask about the articles, lower case.</summary>
    public IReadOnlyList<string> InjectionPhrases { get; }

    /// <summary>True when <paramref name="text"/> holds one of the <see cref="InjectionPhrases"/> as whole words, whatever its case.</summary>
    public bool IsInstruction(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        return InjectionPhrases.Any(p => EntityFinder.ContainsWord(lower, p));
    }

    /// <summary>Loads every <c>*.yaml</c> file in <paramref name="directory"/>.</summary>
    /// <exception cref="LexiconFormatException">The folder is missing or empty, or a file is malformed (named with its line).</exception>
    public static Lexicon Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new LexiconFormatException(
                $"The lexicon folder '{Path.GetFullPath(directory)}' does not exist; set Answering:LexiconPath to the folder holding the lexicon YAML files.");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new LexiconFormatException($"The lexicon folder '{Path.GetFullPath(directory)}' holds no .yaml files.");
        }

        return Parse(files.Select(f => (f, File.ReadAllText(f))));
    }

    /// <summary>Parses lexicon YAML texts; each is a mapping of known sections (sides, roles, months, ...).</summary>
    /// <param name="files">File name (used in error messages) and YAML text.</param>
    /// <exception cref="LexiconFormatException">A file is malformed; the message names the file and line.</exception>
    public static Lexicon Parse(IEnumerable<(string FileName, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var builder = new LexiconBuilder();
        foreach (var (fileName, yaml) in files)
        {
            builder.Add(fileName, Read(fileName, yaml));
        }

        return new Lexicon(builder);
    }

    private static YamlMappingNode? Read(string fileName, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new LexiconFormatException($"{fileName}, line {e.Start.Line}: not valid YAML ({e.Message}).", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some unterminated flow collections.
            throw new LexiconFormatException($"{fileName}: not valid YAML, look for an unclosed [ or {{ ({e.Message}).", e);
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new LexiconFormatException(
                $"{fileName}, line {stream.Documents[0].RootNode.Start.Line}: the file must be a mapping of sections (sides:, roles:, ...).");
    }
}
