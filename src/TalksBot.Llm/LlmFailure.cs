namespace TalksBot.Llm;

/// <summary>Why a call to the language model endpoint failed, in the terms an operator acts on.</summary>
public enum LlmFailure
{
    /// <summary>401/403.</summary>
    Unauthorized,

    /// <summary>404: wrong endpoint path or model name.</summary>
    NotFound,

    /// <summary>400 and other client errors: the request was refused as malformed or too large.</summary>
    BadRequest,

    /// <summary>429, still limited after the retries.</summary>
    RateLimited,

    /// <summary>5xx after the retries.</summary>
    ServerError,

    /// <summary>No reply within the request timeout.</summary>
    Timeout,

    /// <summary>The connection failed: the endpoint is down or unreachable.</summary>
    Unavailable,

    /// <summary>The endpoint answered with something that is not an OpenAI-compatible reply.</summary>
    InvalidReply,
}
