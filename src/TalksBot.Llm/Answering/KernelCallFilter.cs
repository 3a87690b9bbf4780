using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace TalksBot.Llm.Answering;

/// <summary>
/// Every kernel function call (the model's searches) passes here: secrets are redacted from its arguments before it
/// runs and from its result before the model sees it, and the call is logged at Debug with the redacted arguments.
/// A model can be talked into echoing a key into a query, and an article could quote one.
/// </summary>
internal sealed partial class KernelCallFilter(string? apiKey, ILogger<KernelCallFilter> logger) : IFunctionInvocationFilter
{
    public const string Redacted = "[redacted]";

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var name in context.Arguments.Names.ToList())
        {
            // The model's arguments arrive as JSON elements; a function sees them converted to its parameter types.
            var value = context.Arguments[name] switch
            {
                string text => text,
                JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
                _ => null,
            };
            if (value is not null)
            {
                context.Arguments[name] = Redact(value);
            }
        }

        var function = $"{context.Function.PluginName}.{context.Function.Name}";
        logger.LogFunctionCalled(function, string.Join(", ", context.Arguments.Select(a => $"{a.Key}={a.Value}")));
        await next(context);
        if (context.Result.GetValue<object>() is string result)
        {
            var redacted = Redact(result);
            if (!string.Equals(redacted, result, StringComparison.Ordinal))
            {
                context.Result = new FunctionResult(context.Result, redacted);
            }

            logger.LogFunctionReturned(function, redacted.Length);
        }
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!string.IsNullOrEmpty(apiKey))
        {
            text = text.Replace(apiKey, Redacted, StringComparison.Ordinal);
        }

        return SecretPattern().Replace(text, Redacted);
    }

    // OpenAI-style keys ("sk-…", "sk-proj-…") and bearer tokens: what an LLM setting or a pasted log would carry.
    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-]{12,}|\bBearer\s+[A-Za-z0-9._~+/\-]{12,}=*", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
