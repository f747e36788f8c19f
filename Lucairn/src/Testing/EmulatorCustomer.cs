namespace Lucairn.Testing;

/// <summary>One emulated customer: its API key, tier and the ids the gateway puts into certificates.</summary>
internal sealed record EmulatorCustomer(string ApiKey, LucairnTier Tier, string CustomerId, string ClientId, string ApiKeyId);
