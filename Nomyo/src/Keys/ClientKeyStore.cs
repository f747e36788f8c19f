using Microsoft.Extensions.Logging;
using Shared.Crypto;

namespace Nomyo;

/// <summary>
/// A client's own key pair over its life: the key given in <see cref="NomyoClientOptions.ClientKey"/>,
/// an ephemeral RSA-4096 key generated in the background from construction, or the pair in
/// <see cref="NomyoClientOptions.KeyDirectory"/> loaded (or created) on first use. A failed load is
/// retried on the next call, never replaced by a fresh key. <see cref="Generate"/> and
/// <see cref="Load"/> replace the pair explicitly.
/// </summary>
internal sealed class ClientKeyStore
{
    private readonly object _lock = new();
    private readonly string? _directory;
    private readonly string? _password;
    private readonly ILogger? _logger;
    private Task<ClientKeyPair>? _keys;

    /// <param name="options">The validated options.</param>
    /// <param name="generateEagerly">Whether an ephemeral key starts generating now (false for a mock's client).</param>
    internal ClientKeyStore(NomyoClientOptions options, bool generateEagerly)
    {
        _directory = options.KeyDirectory;
        _password = options.KeyPassword;
        _logger = options.Logger;
        if (options.ClientKey is { } key)
        {
            _keys = Task.FromResult(new ClientKeyPair(key));
        }
        else if (_directory is null && generateEagerly)
        {
            // Ephemeral key: start RSA-4096 generation now, off the caller's thread, so the first call waits less.
            _keys = Start();
        }
    }

    /// <summary>The pair once it is ready; null while it is being generated or loaded (or before first use).</summary>
    internal ClientKeyPair? Ready => _keys is { IsCompletedSuccessfully: true } ready ? ready.Result : null;

    /// <summary>The pair, waiting for generation or loading (started now when not yet running, or after a failure).</summary>
    internal Task<ClientKeyPair> GetAsync(CancellationToken cancellationToken)
    {
        Task<ClientKeyPair> keys;
        lock (_lock)
        {
            if (_keys is null || _keys.IsFaulted || _keys.IsCanceled)
            {
                _keys = Start();
            }

            keys = _keys;
        }

        return keys.WaitAsync(cancellationToken);
    }

    /// <summary>Generates a new pair on the calling thread, optionally saving it, and uses it from now on.</summary>
    /// <exception cref="NomyoSecurityException">A key file already exists or cannot be written.</exception>
    internal void Generate(bool saveToFile, string keyDirectory, string? password)
    {
        KeyFiles.RequirePassword(password);
        var key = RsaPrivateKey.Generate(NomyoProtocol.ClientKeySizeBits);
        if (saveToFile)
        {
            KeyFiles.Save(keyDirectory, key, password);
        }

        Set(new ClientKeyPair(key));
    }

    /// <summary>Loads a pair from files and uses it from now on.</summary>
    /// <exception cref="NomyoSecurityException">The key cannot be read, the password is wrong, or the files do not match.</exception>
    internal void Load(string privateKeyPath, string? publicKeyPath, string? password) =>
        Set(KeyFiles.Load(privateKeyPath, publicKeyPath, password, _logger));

    private Task<ClientKeyPair> Start()
    {
        string? directory = _directory;
        string? password = _password;
        ILogger? logger = _logger;
        return directory is null
            ? Task.Run(() => new ClientKeyPair(RsaPrivateKey.Generate(NomyoProtocol.ClientKeySizeBits)), CancellationToken.None)
            : Task.Run(() => KeyFiles.LoadOrCreate(directory, password, logger), CancellationToken.None);
    }

    private void Set(ClientKeyPair keys)
    {
        lock (_lock)
        {
            _keys = Task.FromResult(keys);
        }
    }
}
