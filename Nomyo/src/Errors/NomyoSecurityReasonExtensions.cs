namespace Nomyo;

/// <summary>The snake_case codes of <see cref="NomyoSecurityReason"/>.</summary>
internal static class NomyoSecurityReasonExtensions
{
    internal static string ToCode(this NomyoSecurityReason reason) => reason switch
    {
        NomyoSecurityReason.PinMismatch => "pin_mismatch",
        NomyoSecurityReason.ServerKeyInvalid => "server_key_invalid",
        NomyoSecurityReason.Downgrade => "downgrade",
        NomyoSecurityReason.Tampered => "tampered",
        NomyoSecurityReason.MalformedPackage => "malformed_package",
        NomyoSecurityReason.MalformedPlaintext => "malformed_plaintext",
        NomyoSecurityReason.PayloadIdMismatch => "payload_id_mismatch",
        NomyoSecurityReason.ResponseTooLarge => "response_too_large",
        NomyoSecurityReason.EncryptionFailed => "encryption_failed",
        NomyoSecurityReason.ClientKeyMissing => "client_key_missing",
        NomyoSecurityReason.ClientKeyInvalid => "client_key_invalid",
        NomyoSecurityReason.ClientKeyMismatch => "client_key_mismatch",
        NomyoSecurityReason.KeyFileUnreadable => "key_file_unreadable",
        NomyoSecurityReason.KeyFileConflict => "key_file_conflict",
        NomyoSecurityReason.KeyFileWriteFailed => "key_file_write_failed",
        _ => "unknown",
    };
}
