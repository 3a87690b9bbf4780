using System.Reflection;
using System.Text.RegularExpressions;
using TalksBot.Hosting;
using Microsoft.Extensions.Options;

namespace TalksBot.Cli;

/// <summary>
/// Turns a configuration or input mistake into one or two plain lines that name the key and say what to write, for exit
/// code 2. Anything else is not a configuration error and gets null.
/// </summary>
internal static partial class ConfigurationError
{
    public static string? Describe(Exception ex) => ex switch
    {
        OptionsValidationException invalid => string.Join(Environment.NewLine, invalid.Failures.Select(f => Failure(invalid.OptionsType, f))),
        InvalidOperationException when BinderConversion().Match(ex.Message) is { Success: true } m =>
            $"{m.Groups["key"].Value}: '{m.Groups["value"].Value}' is not {Expected(m.Groups["type"].Value)}.",
        DirectoryNotFoundException missing => missing.Message,
        ConfigurationOverrideException overrideError => overrideError.Message,
        _ => null,
    };

    // Data annotations say "The field AnsweringOptions.RetrievalLimit must be between 1 and 50."; a person sets
    // Answering:RetrievalLimit, so that is what the message names. Custom messages already name their key.
    private static string Failure(Type optionsType, string failure)
    {
        var match = AnnotationMessage().Match(failure);
        if (!match.Success)
            return StripMemberPrefix(failure);
        var key = Key(optionsType, match.Groups["member"].Value);
        return $"{key} {match.Groups["rule"].Value}";
    }

    // "RetrievalLimit: Answering:RetrievalLimit must be ..." — the validator's member prefix repeats the key.
    private static string StripMemberPrefix(string failure)
    {
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !failure[..colon].Contains(' ', StringComparison.Ordinal) ? failure[(colon + 2)..] : failure;
    }

    private static string Key(Type optionsType, string member)
    {
        var section = optionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        var path = member.Replace('.', ':');
        return section is null ? path : $"{section}:{path}";
    }

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" or "System.UInt64" or "System.UInt16" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:00:30",
        "System.Uri" => "a URL",
        _ when type.StartsWith("System.Nullable", StringComparison.Ordinal) => "a valid value",
        _ => $"a valid {type.Split('.')[^1]}",
    };

    [GeneratedRegex(@"^(?:[\w.]+: )?The field \w+\.(?<member>[\w.]+) (?<rule>.+)$")]
    private static partial Regex AnnotationMessage();

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderConversion();
}
