using System.Text;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// Persistent client keys (spec §8, hardened per §12a.6): the private key is written to a
/// temporary file created with mode 0600, flushed, then moved into place without overwriting;
/// the folder is created 0700; with a password the key is PBES2-encrypted PKCS#8; the public
/// key is derived from the private key and a public key file that does not match is an error.
/// Nothing here ever replaces an existing key file.
/// </summary>
internal static class KeyFiles
{
    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PublicMode = PrivateMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = PrivateMode | UnixFileMode.UserExecute;

    /// <summary>Loads the key pair in <paramref name="directory"/>, or creates and saves one when the folder has none.</summary>
    /// <exception cref="NomyoSecurityException">A key file exists but cannot be used; nothing is overwritten.</exception>
    internal static ClientKeyPair LoadOrCreate(string directory, string? password)
    {
        string privatePath = Path.Combine(directory, NomyoProtocol.PrivateKeyFileName);
        string publicPath = Path.Combine(directory, NomyoProtocol.PublicKeyFileName);
        if (File.Exists(privatePath))
        {
            return Load(privatePath, File.Exists(publicPath) ? publicPath : null, password);
        }

        if (File.Exists(publicPath))
        {
            throw new NomyoSecurityException(
                $"'{publicPath}' exists but '{privatePath}' does not; refusing to generate a new key over it. Restore the private key or remove the public key file.");
        }

        var key = RsaPrivateKey.Generate(NomyoProtocol.ClientKeySizeBits);
        Save(directory, key, password);
        return new ClientKeyPair(key);
    }

    /// <summary>Loads a private key (and checks the public key file against it when given).</summary>
    /// <exception cref="NomyoSecurityException">The file is missing, unreadable, not an RSA key of at least 2048 bits, the password is wrong, or the public key does not match.</exception>
    internal static ClientKeyPair Load(string privateKeyPath, string? publicKeyPath, string? password)
    {
        string pem = ReadText(privateKeyPath, "private key");
        bool encrypted = pem.Contains("BEGIN ENCRYPTED PRIVATE KEY", StringComparison.Ordinal);
        if (password is not null && !encrypted)
        {
            throw new NomyoSecurityException(
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
            throw new NomyoSecurityException($"Failed to load private key from '{privateKeyPath}': {ex.Message}{hint}", ex);
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
                throw new NomyoSecurityException($"Failed to load public key from '{publicKeyPath}': {ex.Message}", ex);
            }

            if (!string.Equals(stored, key.PublicKey.GetSpkiSha256Hex(), StringComparison.Ordinal))
            {
                throw new NomyoSecurityException($"The public key in '{publicKeyPath}' does not belong to the private key in '{privateKeyPath}'.");
            }
        }

        return pair;
    }

    /// <summary>Writes <c>private_key.pem</c> (0600) and <c>public_key.pem</c> (0644); fails if either exists.</summary>
    /// <exception cref="NomyoSecurityException">A key file already exists or cannot be written.</exception>
    internal static void Save(string directory, RsaPrivateKey key, string? password)
    {
        string privatePath = Path.Combine(directory, NomyoProtocol.PrivateKeyFileName);
        string publicPath = Path.Combine(directory, NomyoProtocol.PublicKeyFileName);
        foreach (string path in new[] { privatePath, publicPath })
        {
            if (File.Exists(path))
            {
                throw new NomyoSecurityException($"'{path}' already exists; refusing to overwrite a key file. Load it instead, or remove it first.");
            }
        }

        if (password is { Length: 0 })
        {
            throw new NomyoSecurityException("The key password must not be empty; pass null for an unencrypted key.");
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
            throw new NomyoSecurityException($"Cannot create key directory '{directory}': {ex.Message}", ex);
        }

        WriteNew(privatePath, key.ToPem(password), PrivateMode);
        WriteNew(publicPath, key.PublicKey.ToPem(), PublicMode);
    }

    private static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NomyoSecurityException($"Failed to load {what} from '{path}': {ex.Message}", ex);
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
            throw new NomyoSecurityException($"Cannot write key file '{path}': {ex.Message}", ex);
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
