using System.Text;
using Microsoft.Extensions.Logging;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// Persistent client keys (spec §8, hardened per §12a.6): the private key is written to a
/// temporary file created with mode 0600, flushed, then moved into place without overwriting;
/// the folder is created 0700; with a password the key is PBES2-encrypted PKCS#8; the public
/// key is derived from the private key and a public key file that does not match is an error.
/// Nothing here ever replaces an existing key file. Loading a private key file that group or
/// others can read or write (Unix) logs a warning through the client's logger rather than
/// refusing: mounted secrets (e.g. Kubernetes' default mode 0644) would otherwise stop working.
/// </summary>
internal static class KeyFiles
{
    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PublicMode = PrivateMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = PrivateMode | UnixFileMode.UserExecute;
    private const UnixFileMode GroupOrOtherAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    /// <summary>Loads the key pair in <paramref name="directory"/>, or creates and saves one when the folder has none.</summary>
    /// <exception cref="NomyoSecurityException">A key file exists but cannot be used; nothing is overwritten.</exception>
    internal static ClientKeyPair LoadOrCreate(string directory, string? password, ILogger? logger = null)
    {
        string privatePath = Path.Combine(directory, NomyoProtocol.PrivateKeyFileName);
        string publicPath = Path.Combine(directory, NomyoProtocol.PublicKeyFileName);
        if (File.Exists(privatePath))
        {
            return Load(privatePath, File.Exists(publicPath) ? publicPath : null, password, logger);
        }

        if (File.Exists(publicPath))
        {
            throw new NomyoSecurityException(
                NomyoSecurityReason.KeyFileConflict,
                $"'{publicPath}' exists but '{privatePath}' does not; refusing to generate a new key over it. Restore the private key or remove the public key file.");
        }

        var key = RsaPrivateKey.Generate(NomyoProtocol.ClientKeySizeBits);
        Save(directory, key, password);
        return new ClientKeyPair(key);
    }

    /// <summary>Loads a private key (and checks the public key file against it when given).</summary>
    /// <exception cref="NomyoSecurityException">The file is missing, unreadable, not an RSA key of at least 2048 bits, the password is wrong, or the public key does not match.</exception>
    internal static ClientKeyPair Load(string privateKeyPath, string? publicKeyPath, string? password, ILogger? logger = null)
    {
        string pem = ReadText(privateKeyPath, "private key");
        WarnIfOthersCanAccess(privateKeyPath, pem, logger);
        bool encrypted = pem.Contains("BEGIN ENCRYPTED PRIVATE KEY", StringComparison.Ordinal);
        if (password is not null && !encrypted)
        {
            throw new NomyoSecurityException(
                NomyoSecurityReason.ClientKeyInvalid,
                $"Failed to load private key from '{privateKeyPath}': a password was given but the file is not encrypted; encrypt it or drop the password.");
        }

        RsaPrivateKey key;
        try
        {
            key = RsaPrivateKey.FromPem(pem, password);
        }
        catch (Exception ex) when (ex is CryptoException or ArgumentException)
        {
            string hint = encrypted && password is null ? " (the file is encrypted: set KeyPassword)" : string.Empty;
            throw new NomyoSecurityException(NomyoSecurityReason.ClientKeyInvalid, $"Failed to load private key from '{privateKeyPath}': {ex.Message}{hint}", ex);
        }

        var pair = new ClientKeyPair(key);
        if (publicKeyPath is not null)
        {
            string publicPem = ReadText(publicKeyPath, "public key");
            string stored;
            try
            {
                stored = RsaPublicKey.FromPem(publicPem).GetSpkiSha256Hex();
            }
            catch (CryptoException ex)
            {
                throw new NomyoSecurityException(NomyoSecurityReason.ClientKeyInvalid, $"Failed to load public key from '{publicKeyPath}': {ex.Message}", ex);
            }

            if (!string.Equals(stored, key.PublicKey.GetSpkiSha256Hex(), StringComparison.Ordinal))
            {
                throw new NomyoSecurityException(NomyoSecurityReason.ClientKeyMismatch, $"The public key in '{publicKeyPath}' does not belong to the private key in '{privateKeyPath}'.");
            }
        }

        return pair;
    }

    /// <summary>Writes <c>private_key.pem</c> (0600) and <c>public_key.pem</c> (0644); fails if either exists.</summary>
    /// <exception cref="NomyoSecurityException">A key file already exists or cannot be written.</exception>
    /// <exception cref="NomyoValidationException">The password is empty.</exception>
    internal static void Save(string directory, RsaPrivateKey key, string? password)
    {
        RequirePassword(password);
        string privatePath = Path.Combine(directory, NomyoProtocol.PrivateKeyFileName);
        string publicPath = Path.Combine(directory, NomyoProtocol.PublicKeyFileName);
        foreach (string path in new[] { privatePath, publicPath })
        {
            if (File.Exists(path))
            {
                throw new NomyoSecurityException(NomyoSecurityReason.KeyFileConflict, $"'{path}' already exists; refusing to overwrite a key file. Load it instead, or remove it first.");
            }
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, FolderMode);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.KeyFileWriteFailed, $"Cannot create key directory '{directory}': {ex.Message}", ex);
        }

        WriteNew(privatePath, key.ToPem(password), PrivateMode);
        WriteNew(publicPath, key.PublicKey.ToPem(), PublicMode);
    }

    /// <summary>A key password is null (no encryption) or not empty.</summary>
    /// <exception cref="NomyoValidationException">The password is empty.</exception>
    internal static void RequirePassword(string? password)
    {
        if (password is { Length: 0 })
        {
            throw NomyoValidationException.For("password", "must not be empty; pass null for an unencrypted key.");
        }
    }

    private static void WarnIfOthersCanAccess(string privateKeyPath, string pem, ILogger? logger)
    {
        if (logger is null || OperatingSystem.IsWindows())
        {
            return;
        }

        UnixFileMode mode;
        try
        {
            mode = File.GetUnixFileMode(privateKeyPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // it was just read; a failing stat adds nothing worth failing for
        }

        if ((mode & GroupOrOtherAccess) != 0)
        {
            bool encrypted = pem.Contains("BEGIN ENCRYPTED PRIVATE KEY", StringComparison.Ordinal);
            logger.LogWarning(
                "Nomyo: the private key file {PrivateKeyPath} has mode {Mode}: group or other users can {Access} it{Encrypted}. Restrict it with 'chmod 600'.",
                privateKeyPath,
                Convert.ToString((int)mode & 0x1FF, 8),
                (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0 ? "read or replace" : "read",
                encrypted ? " (it is password-encrypted, so the password is all that protects it)" : " and decrypt every response meant for this client");
        }
    }

    private static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NomyoSecurityException(NomyoSecurityReason.KeyFileUnreadable, $"Failed to load {what} from '{path}': {ex.Message}", ex);
        }
    }

    private static void WriteNew(string path, string text, UnixFileMode mode)
    {
        string temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new NomyoSecurityException(NomyoSecurityReason.KeyFileWriteFailed, $"Cannot write key file '{path}': {ex.Message}", ex);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file holds the same key the caller failed to store.
        }
    }
}
