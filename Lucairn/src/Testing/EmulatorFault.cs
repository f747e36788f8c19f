namespace Lucairn.Testing;

/// <summary>An injected fault: a status to answer with, or a delay before answering normally.</summary>
internal sealed record EmulatorFault(int? Status, string? Body, TimeSpan Delay, TimeSpan? RetryAfter, bool DropsConnection = false);
