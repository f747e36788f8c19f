using Newtonsoft.Json.Linq;

namespace Lucairn.Http;

/// <summary>Reads the wait of a 202 "not yet assembled" answer: the body's <c>retry_after_seconds</c>, else the <c>Retry-After</c> header.</summary>
internal static class CertificatePending
{
    /// <summary>The longest wait a body may ask for (a larger value is cut to this).</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    internal static TimeSpan? RetryAfterOf(RawResponse raw)
    {
        if (raw.TryParseJson() is JObject body
            && body.TryGetValue("retry_after_seconds", StringComparison.Ordinal, out JToken? value)
            && value.Type is JTokenType.Integer or JTokenType.Float)
        {
            double seconds;
            try
            {
                seconds = value.Value<double>();
            }
            catch (Exception ex) when (ex is OverflowException or FormatException or InvalidCastException)
            {
                seconds = double.NaN;
            }

            if (double.IsFinite(seconds) && seconds >= 0)
            {
                return seconds >= MaxWait.TotalSeconds ? MaxWait : TimeSpan.FromSeconds(seconds);
            }
        }

        return raw.ErrorDetails?.RetryAfter;
    }
}
