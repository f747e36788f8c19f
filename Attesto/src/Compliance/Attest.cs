using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// The C# form of upstream's <c>@attest</c> decorator (spec §17): runs a function and logs
/// <c>{function, args_commitment, result_commitment, status: ok|error, error_type?}</c> to a
/// stream, with commitments (hashes) over the arguments and result and never the raw values.
/// A logging failure is logged to the <see cref="ILogger"/> and never breaks the wrapped call;
/// the function's own result or exception always reaches the caller unchanged.
/// </summary>
public static class Attest
{
    /// <summary>The stream event type of attested calls.</summary>
    public const string EventType = "ai.attested_call";

    /// <summary>Runs <paramref name="function"/> and logs commitments over its arguments and result.</summary>
    /// <typeparam name="TResult">The function's result type.</typeparam>
    /// <param name="writer">The stream writer (the v2 client).</param>
    /// <param name="streamId">The stream (<c>str_…</c>).</param>
    /// <param name="name">The function name to record.</param>
    /// <param name="args">The arguments as one object by parameter name (anonymous object or dictionary).</param>
    /// <param name="function">The function to run.</param>
    /// <param name="logger">Receives logging failures; default none.</param>
    /// <param name="cancellationToken">Passed to the function and to the logging call.</param>
    /// <returns>The function's result.</returns>
    public static async Task<TResult> RunAsync<TResult>(
        IAttestoStreamWriter writer,
        string streamId,
        string name,
        object? args,
        Func<CancellationToken, Task<TResult>> function,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        AttestoArguments.NotNull(writer, nameof(writer));
        AttestoArguments.NotNull(function, nameof(function));
        AttestoArguments.NotBlank(streamId, nameof(streamId));
        AttestoArguments.NotBlank(name, nameof(name));
        ILogger log = logger ?? NullLogger.Instance;
        JObject? argsCommitment = TryCommit(args, name, "arguments", log);
        TResult result;
        try
        {
            result = await function(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await TryLogAsync(writer, streamId, name, Record(name, argsCommitment, null, ex), log, cancellationToken).ConfigureAwait(false);
            throw;
        }

        JObject? resultCommitment = TryCommit(result, name, "result", log);
        await TryLogAsync(writer, streamId, name, Record(name, argsCommitment, resultCommitment, null), log, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static JObject Record(string name, JObject? argsCommitment, JObject? resultCommitment, Exception? error)
    {
        var payload = new JObject { ["function"] = name };
        if (argsCommitment is not null)
        {
            payload["args_commitment"] = argsCommitment;
        }

        if (resultCommitment is not null)
        {
            payload["result_commitment"] = resultCommitment;
        }

        payload["status"] = error is null ? "ok" : "error";
        if (error is not null)
        {
            payload["error_type"] = error.GetType().Name;
        }

        return payload;
    }

    private static JObject? TryCommit(object? value, string name, string what, ILogger log)
    {
        try
        {
            return PayloadCommitment.Compute(value).ToJson();
        }
        catch (AttestoException ex)
        {
            // The exception's message quotes the offending value (e.g. "the integer 9007199254740993"),
            // which may be the very data Attest exists to keep out of logs: log where and which rule, never the value.
            (string path, string rule) = Describe(ex);
            log.LogWarning("Attest({Function}): the {What} cannot be committed at {Path} ({Rule}, {ErrorType}); the record omits that commitment.", name, what, path, rule, ex.GetType().Name);
            return null;
        }
    }

    private static (string Path, string Rule) Describe(AttestoException ex)
    {
        const string NumberRule = "number policy: integers within ±(2^53 − 1) only; send decimals and large integers as strings";
        if (ex is AttestoUnsafeNumberException unsafeNumber)
        {
            return (unsafeNumber.Path, NumberRule);
        }

        for (Exception? inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is CanonicalJsonException canonical)
            {
                return (canonical.Path, canonical.IsNumberPolicyViolation
                    ? NumberRule
                    : "canonical JSON: only null, booleans, integers, strings, arrays and objects, strings without unpaired surrogates, nesting within the depth limit");
            }
        }

        return ("$", "the value cannot be converted to JSON");
    }

    private static async Task TryLogAsync(IAttestoStreamWriter writer, string streamId, string name, JObject payload, ILogger log, CancellationToken cancellationToken)
    {
        try
        {
            var input = new StreamEventInput($"attest:{name}:{Guid.NewGuid():D}", payload) { EventType = EventType };
            await writer.LogEventAsync(streamId, input, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // By contract a logging failure must never break the wrapped call.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.LogError(ex, "Attest({Function}): logging the attestation to stream {StreamId} failed; the call itself was not affected.", name, streamId);
        }
    }
}
