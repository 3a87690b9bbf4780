using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace TalksBot.Core.Answering;

// Walks the YAML node tree rather than deserialising, so every error can name the file and line it came from.
internal sealed class LexiconBuilder
{
    public List<LexiconSide> Sides { get; } = [];

    public List<string> Roles { get; } = [];

    public List<string> RoleQuestions { get; } = [];

    public List<string> Organizations { get; } = [];

    public List<string> PersonNouns { get; } = [];

    public Dictionary<string, int> Months { get; } = new(StringComparer.Ordinal);

    public List<string> RelativeDates { get; } = [];

    public List<string> PlaceCues { get; } = [];

    public List<string> Places { get; } = [];

    public List<IReadOnlyList<string>> SynonymGroups { get; } = [];

    public List<string> Stopwords { get; } = [];

    public List<string> FollowUpOpeners { get; } = [];

    public List<string> InjectionPhrases { get; } = [];

    public void Add(string file, YamlMappingNode? root)
    {
        if (root is null)
        {
            return;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "sides":
                    foreach (var item in Sequence(file, key, value))
                    {
                        Sides.Add(ReadSide(file, item));
                    }

                    break;
                case "roles": Roles.AddRange(Words(file, key, value)); break;
                case "role_questions": RoleQuestions.AddRange(Words(file, key, value)); break;
                case "organizations": Organizations.AddRange(Words(file, key, value)); break;
                case "person_nouns": PersonNouns.AddRange(Words(file, key, value)); break;
                case "relative": RelativeDates.AddRange(Words(file, key, value)); break;
                case "cues": PlaceCues.AddRange(Words(file, key, value)); break;
                case "places": Places.AddRange(Scalars(file, key, value)); break;
                case "stopwords": Stopwords.AddRange(Words(file, key, value)); break;
                case "follow_up_openers": FollowUpOpeners.AddRange(Words(file, key, value)); break;
                case "phrases": InjectionPhrases.AddRange(Words(file, key, value)); break;
                case "groups":
                    foreach (var item in Sequence(file, key, value))
                    {
                        SynonymGroups.Add(Words(file, key, item));
                    }

                    break;
                case "months":
                    ReadMonths(file, value);
                    break;
                default:
                    throw Error(file, keyNode,
                        $"unknown section '{key}'; expected one of sides, roles, role_questions, organizations, person_nouns, months, relative, cues, places, groups, stopwords, follow_up_openers, phrases");
            }
        }
    }

    private static LexiconSide ReadSide(string file, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(file, node, "each side must be a mapping with 'name' and 'aliases'");
        }

        string? name = null;
        List<string> aliases = [];
        foreach (var (keyNode, value) in map.Children)
        {
            switch (((YamlScalarNode)keyNode).Value)
            {
                case "name": name = Scalar(file, "name", value); break;
                case "aliases": aliases = Scalars(file, "aliases", value); break;
                default: throw Error(file, keyNode, "a side has only 'name' and 'aliases'");
            }
        }

        if (name is null || aliases.Count == 0)
        {
            throw Error(file, node, "a side needs a 'name' and at least one alias");
        }

        return new LexiconSide(name, aliases);
    }

    private void ReadMonths(string file, YamlNode value)
    {
        if (value is not YamlMappingNode map)
        {
            throw Error(file, value, "'months' must map month names to numbers, e.g. 'february: 2'");
        }

        foreach (var (keyNode, number) in map.Children)
        {
            var text = Scalar(file, "months", number);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
            {
                throw Error(file, number, $"month '{((YamlScalarNode)keyNode).Value}' must map to a number from 1 to 12, not '{text}'");
            }

            Months[Scalar(file, "months", keyNode).ToLowerInvariant()] = month;
        }
    }

    private static IEnumerable<YamlNode> Sequence(string file, string key, YamlNode node) =>
        node as YamlSequenceNode ?? throw Error(file, node, $"'{key}' must be a list");

    private static List<string> Scalars(string file, string key, YamlNode node) =>
        [.. Sequence(file, key, node).Select(n => Scalar(file, key, n))];

    private static List<string> Words(string file, string key, YamlNode node) =>
        [.. Scalars(file, key, node).Select(s => s.ToLowerInvariant())];

    private static string Scalar(string file, string key, YamlNode node) =>
        node is YamlScalarNode { Value: { Length: > 0 } text } && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : throw Error(file, node, $"'{key}' needs a non-empty text value here");

    private static LexiconFormatException Error(string file, YamlNode node, string message) =>
        new($"{file}, line {node.Start.Line}: {message}.");
}
