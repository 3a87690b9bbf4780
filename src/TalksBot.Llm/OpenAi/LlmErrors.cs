using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace TalksBot.Llm.OpenAi;

/// <summary>Turns the SDK's and the transport's exceptions into <see cref="LlmException"/> with plain words.</summary>
internal static class LlmErrors
{
    private const int MaxDetailLength = 200;

    public static LlmException FromClientResult(ClientResultException exception, string? apiKey, string modelSetting)
    {
        var status = exception.Status;
        if (status == 0)
        {
            // No HTTP response at all: the transport failed (refused, reset, DNS).
            return Unreachable(exception.InnerException ?? exception);
        }

        var response = exception.GetRawResponse();
        var retryAfter = RetryAfter(response);

        // The server's text can echo the key (OpenAI's 401 quotes part of it), so the SDK exception, whose message holds the
        // whole body, is not kept as InnerException, and the body is only quoted with the key removed.
        var detail = status is 401 or 403 ? null : Detail(response, apiKey);
        var (failure, reason) = status switch
        {
            401 or 403 => (LlmFailure.Unauthorized, $"the API key was rejected (set {LlmOptions.Section}:ApiKey)"),
            404 => (LlmFailure.NotFound, $"model or endpoint not found (check {LlmOptions.Section}:Endpoint and {LlmOptions.Section}:{modelSetting})"),
            408 => (LlmFailure.Timeout, "the endpoint timed out"),
            429 => (LlmFailure.RateLimited, "the endpoint is rate limiting requests"),
            >= 500 => (LlmFailure.ServerError, $"the endpoint failed with HTTP {status}"),
            _ => (LlmFailure.BadRequest, $"the endpoint refused the request with HTTP {status}"),
        };
        return new LlmException(failure, detail is null ? reason : $"{reason}: {detail}", status, retryAfter);
    }

    public static LlmException Unreachable(Exception exception) =>
        new(LlmFailure.Unavailable, "the endpoint is down or unreachable", innerException: exception is HttpRequestException or SocketException ? exception : null);

    public static LlmException Timeout(TimeSpan timeout) =>
        new(LlmFailure.Timeout, $"the endpoint did not reply within {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");

    public static LlmException InvalidReply(string what) =>
        new(LlmFailure.InvalidReply, $"the endpoint's reply was not usable ({what})");

    private static TimeSpan? RetryAfter(System.ClientModel.Primitives.PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        // OpenAI sends retry-after-ms alongside the standard header; prefer the finer one.
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    private static string? Detail(System.ClientModel.Primitives.PipelineResponse? response, string? apiKey)
    {
        string? text;
        try
        {
            text = response?.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            // A streamed response's body was not buffered.
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error))
            {
                text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                    ? message.GetString()
                    : error.ValueKind == JsonValueKind.String ? error.GetString() : text;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): quote its start.
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.ReplaceLineEndings(" ").Trim();
        if (!string.IsNullOrEmpty(apiKey))
        {
            text = text.Replace(apiKey, "***", StringComparison.Ordinal);
        }

        return text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";
    }
}
