using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm.Answering;

/// <summary>
/// The answer prompt file (<c>Llm:PromptPath</c>): a Semantic Kernel template of the system message that operators can
/// tune without rebuilding. Loading checks it, so a missing file, a template Semantic Kernel cannot parse, an unknown
/// variable or one without <c>{{$passages}}</c> stops start-up naming the file.
/// </summary>
internal sealed partial class AnswerPrompt
{
    public const string DefaultPath = "data/prompts/answer.prompt";

    /// <summary>The variables the answerer fills; anything else in a template is a typo the model would see verbatim.</summary>
    public static readonly IReadOnlyList<string> Variables = ["passages", "passage_count", "sentinel", "max_searches"];

    private readonly IPromptTemplate _template;

    private AnswerPrompt(string path, IPromptTemplate template)
    {
        Path = path;
        _template = template;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <exception cref="AnswerPromptException">The file is missing, unreadable or not a usable template; the message names it.</exception>
    public static AnswerPrompt Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnswerPromptException($"the answer prompt {full} cannot be read: {e.Message}", e);
        }

        var problem = Problem(text);
        if (problem is not null)
        {
            throw new AnswerPromptException($"the answer prompt {full} {problem}");
        }

        // The passages are built and defanged by PromptBuilder, and the rendered text becomes one system message that is
        // never parsed as a chat prompt, so Semantic Kernel's HTML-encoding of values would only garble the <passage> tags.
        var config = new PromptTemplateConfig(text)
        {
            Name = "answer",
            InputVariables = [.. Variables.Select(name => new InputVariable { Name = name, AllowDangerouslySetContent = true })],
        };
        try
        {
            return new AnswerPrompt(full, new KernelPromptTemplateFactory { AllowDangerouslySetContent = true }.Create(config));
        }
        catch (KernelException e)
        {
            throw new AnswerPromptException($"the answer prompt {full} is not a valid Semantic Kernel template: {e.Message}", e);
        }
    }

    /// <summary>The system message for <paramref name="passages"/> (numbered from 1).</summary>
    public async Task<string> RenderAsync(Kernel kernel, IReadOnlyList<RetrievedPassage> passages, int maxSearches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var arguments = new KernelArguments
        {
            ["passages"] = PromptBuilder.Passages(passages.Select((p, i) => (i + 1, p))),
            ["passage_count"] = passages.Count.ToString(CultureInfo.InvariantCulture),
            ["sentinel"] = PromptBuilder.Sentinel,
            ["max_searches"] = maxSearches.ToString(CultureInfo.InvariantCulture),
        };
        return await _template.RenderAsync(kernel, arguments, cancellationToken);
    }

    // Only {{$variable}} blocks: a function call in an operator's template would run code on every question.
    private static string? Problem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "is empty";
        }

        var blocks = Block().Matches(text);
        if (blocks.Count != OpenBraces().Count(text))
        {
            return "has a '{{' without its closing '}}'";
        }

        foreach (Match block in blocks)
        {
            var inside = block.Groups["inside"].Value.Trim();
            var variable = VariableName().Match(inside);
            if (!variable.Success)
            {
                return $"has '{block.Value}'; only variables are allowed: {string.Join(", ", Variables.Select(v => "{{$" + v + "}}"))}";
            }

            if (!Variables.Contains(variable.Groups["name"].Value))
            {
                return $"uses the unknown variable '{block.Value}'; the known ones are {string.Join(", ", Variables.Select(v => "{{$" + v + "}}"))}";
            }
        }

        return blocks.Any(b => b.Groups["inside"].Value.Trim() == "$passages")
            ? null
            : "does not use {{$passages}}, so the model would never see the articles";
    }

    [GeneratedRegex(@"\{\{(?<inside>.*?)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Block();

    [GeneratedRegex(@"\{\{", RegexOptions.CultureInvariant)]
    private static partial Regex OpenBraces();

    [GeneratedRegex(@"^\$(?<name>[A-Za-z_][A-Za-z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VariableName();
}
