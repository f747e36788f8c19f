using Newtonsoft.Json.Linq;

namespace Lucairn.Testing;

/// <summary>
/// One claim before it is signed: the outer (unsigned) fields, the signed payload and the
/// unsigned typed copy. <see cref="SignedClaimId"/>, <see cref="SignedRequestId"/> and
/// <see cref="Signer"/> normally equal the outer values; a fault may change them.
/// </summary>
internal sealed class EmulatorClaim
{
    internal EmulatorClaim(string serviceId, string claimType, string requestId, string timestamp, string[] dataSeen, string[] dataNotSeen, JObject payload, string? typedKey, JObject typed)
    {
        ServiceId = serviceId;
        ClaimType = claimType;
        ClaimId = "clm_mock_" + Guid.NewGuid().ToString("N");
        SignedClaimId = ClaimId;
        RequestId = requestId;
        SignedRequestId = requestId;
        Timestamp = timestamp;
        DataSeen = dataSeen;
        DataNotSeen = dataNotSeen;
        Payload = payload;
        TypedKey = typedKey;
        Typed = typed;
        Signer = serviceId;
    }

    internal string ServiceId { get; set; }

    /// <summary>The full protobuf name, e.g. <c>CLAIM_TYPE_TOKEN_GENERATED</c> (the signed bytes carry the short form).</summary>
    internal string ClaimType { get; }

    internal string ClaimId { get; set; }

    internal string SignedClaimId { get; set; }

    internal string RequestId { get; set; }

    internal string SignedRequestId { get; set; }

    internal string Timestamp { get; }

    internal string[] DataSeen { get; }

    internal string[] DataNotSeen { get; }

    /// <summary>The signed payload.</summary>
    internal JObject Payload { get; }

    /// <summary><c>bridge</c>, <c>sanitizer</c>, <c>inference</c>, <c>audit</c>, or null for no typed copy.</summary>
    internal string? TypedKey { get; }

    /// <summary>The unsigned typed copy of the payload, as the gateway attaches it.</summary>
    internal JObject Typed { get; }

    /// <summary>The service whose key signs the claim.</summary>
    internal string Signer { get; set; }

    /// <summary>The short claim type the signed bytes carry.</summary>
    internal string ShortClaimType => ClaimType["CLAIM_TYPE_".Length..];
}
