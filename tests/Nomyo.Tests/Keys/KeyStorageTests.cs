using Shared.Crypto;

namespace Nomyo.Tests;

public class KeyStorageTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateDirectory() => _dir = Path.Combine(Path.GetTempPath(), "nomyo-keys-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string PrivatePath => Path.Combine(_dir, "private_key.pem");

    private string PublicPath => Path.Combine(_dir, "public_key.pem");

    [Test]
    public void Saved_keys_load_back_without_password()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: null);

        Assert.That(File.ReadAllText(PrivatePath), Does.StartWith("-----BEGIN PRIVATE KEY-----"));
        Assert.That(File.ReadAllText(PublicPath), Is.EqualTo(TestKeys.Client.PublicKey.ToPem()));
        var loaded = KeyFiles.LoadOrCreate(_dir, password: null);
        Assert.That(loaded.PublicKeyPem, Is.EqualTo(TestKeys.Client.PublicKey.ToPem()));
    }

    [Test]
    public void Saved_keys_load_back_with_password_and_are_encrypted_pkcs8()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: "correct horse");

        Assert.That(File.ReadAllText(PrivatePath), Does.StartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        var loaded = KeyFiles.LoadOrCreate(_dir, password: "correct horse");
        Assert.That(loaded.PublicKeyPem, Is.EqualTo(TestKeys.Client.PublicKey.ToPem()));
    }

    [Test]
    public void Wrong_or_missing_password_is_a_clear_error_and_files_are_kept()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: "correct horse");
        byte[] before = File.ReadAllBytes(PrivatePath);

        var wrong = Assert.Throws<NomyoSecurityException>(() => KeyFiles.LoadOrCreate(_dir, password: "wrong"));
        var missing = Assert.Throws<NomyoSecurityException>(() => KeyFiles.LoadOrCreate(_dir, password: null));

        Assert.That(wrong!.Reason, Is.EqualTo(NomyoSecurityReason.ClientKeyInvalid));
        Assert.That(missing!.Reason, Is.EqualTo(NomyoSecurityReason.ClientKeyInvalid));
        Assert.That(missing.Message, Does.Contain("set KeyPassword"));
        Assert.That(File.ReadAllBytes(PrivatePath), Is.EqualTo(before));
    }

    [Test]
    public void Password_for_an_unencrypted_file_is_rejected()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: null);

        var ex = Assert.Throws<NomyoSecurityException>(() => KeyFiles.LoadOrCreate(_dir, password: "pw"));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.ClientKeyInvalid));
    }

    [Test]
    public async Task Corrupted_key_file_fails_the_call_and_is_never_overwritten()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(PrivatePath, "-----BEGIN PRIVATE KEY-----\ngarbage\n-----END PRIVATE KEY-----\n");
        File.WriteAllText(PublicPath, TestKeys.Client.PublicKey.ToPem());
        byte[] privateBefore = File.ReadAllBytes(PrivatePath);
        byte[] publicBefore = File.ReadAllBytes(PublicPath);
        var emulator = Harness.InProcessEmulator();
        using var client = new SecureChatCompletion(
            new NomyoClientOptions { BaseUrl = emulator.BaseUrl, AllowHttp = true, ApiKey = Harness.ApiKey, KeyDirectory = _dir },
            new HttpClient(emulator.CreateHandler()));

        var first = await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", Harness.Hello()));
        await Assert.ThrowsAsync<NomyoSecurityException>(() => client.CreateAsync("m", Harness.Hello()));

        Assert.That(first!.Reason, Is.EqualTo(NomyoSecurityReason.ClientKeyInvalid));
        Assert.That(File.ReadAllBytes(PrivatePath), Is.EqualTo(privateBefore));
        Assert.That(File.ReadAllBytes(PublicPath), Is.EqualTo(publicBefore));
        Assert.That(emulator.KeyRequestCount + emulator.CompletionRequestCount, Is.Zero);
    }

    [Test]
    public void Public_key_that_does_not_match_is_rejected()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: null);
        File.Delete(PublicPath);
        File.WriteAllText(PublicPath, TestKeys.Server.PublicKey.ToPem());

        var ex = Assert.Throws<NomyoSecurityException>(() => KeyFiles.LoadOrCreate(_dir, password: null));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.ClientKeyMismatch));
    }

    [Test]
    public void Orphan_public_key_file_is_not_overwritten()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(PublicPath, TestKeys.Client.PublicKey.ToPem());

        var ex = Assert.Throws<NomyoSecurityException>(() => KeyFiles.LoadOrCreate(_dir, password: null));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.KeyFileConflict));
        Assert.That(File.Exists(PrivatePath), Is.False);
    }

    [Test]
    public void Save_never_overwrites_existing_key_files()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: null);
        byte[] before = File.ReadAllBytes(PrivatePath);

        var ex = Assert.Throws<NomyoSecurityException>(() => KeyFiles.Save(_dir, TestKeys.Server, password: null));
        Assert.That(ex!.Reason, Is.EqualTo(NomyoSecurityReason.KeyFileConflict));
        Assert.That(File.ReadAllBytes(PrivatePath), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(_dir), Has.Length.EqualTo(2), "no temporary file is left behind");
    }

    [TestCase(UnixFileMode.OtherRead, "read it")]
    [TestCase(UnixFileMode.GroupRead, "read it")]
    [TestCase(UnixFileMode.GroupWrite, "read or replace it")]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Private_key_that_others_can_access_is_loaded_with_a_warning(UnixFileMode extra, string access)
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: null);
        File.SetUnixFileMode(PrivatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);
        var logger = new TestSupport.ListLogger();

        var loaded = KeyFiles.LoadOrCreate(_dir, password: null, logger);

        Assert.That(loaded.PublicKeyPem, Is.EqualTo(TestKeys.Client.PublicKey.ToPem()));
        var warning = logger.Entries.Single();
        Assert.That(warning.Level, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Warning));
        Assert.That(warning.Message, Does.Contain(PrivatePath).And.Contain(access).And.Contain("chmod 600"));
        Assert.That(warning.Message, Does.Not.Contain("PRIVATE KEY"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Client_LoadKeys_warns_through_the_options_logger_and_a_0600_key_is_silent()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: "pw");
        var logger = new TestSupport.ListLogger();
        using var client = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Client, Logger = logger });

        client.LoadKeys(PrivatePath, PublicPath, "pw");
        Assert.That(logger.Messages, Is.Empty);

        File.SetUnixFileMode(PrivatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        client.LoadKeys(PrivatePath, PublicPath, "pw");
        Assert.That(logger.Messages.Single(), Does.Contain("mode 644").And.Contain("password-encrypted"));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Private_key_is_0600_public_key_0644_and_folder_0700_on_unix()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: "pw");

        Assert.That(File.GetUnixFileMode(PrivatePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(PublicPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        Assert.That(File.GetUnixFileMode(_dir), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public async Task Key_directory_is_created_on_first_use_and_reused_by_the_next_client()
    {
        var emulator = Harness.InProcessEmulator();
        NomyoClientOptions Options() => new() { BaseUrl = emulator.BaseUrl, AllowHttp = true, ApiKey = Harness.ApiKey, KeyDirectory = _dir, KeyPassword = "pw" };

        using (var first = new SecureChatCompletion(Options(), new HttpClient(emulator.CreateHandler())))
        {
            await first.CreateAsync("m", Harness.Hello());
        }

        using (var second = new SecureChatCompletion(Options(), new HttpClient(emulator.CreateHandler())))
        {
            await second.CreateAsync("m", Harness.Hello());
        }

        Assert.That(File.ReadAllText(PrivatePath), Does.StartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        Assert.That(emulator.Requests.Select(r => r.PublicKeyHeader).Distinct().Count(), Is.EqualTo(1));
        var stored = RsaPublicKey.FromPem(File.ReadAllText(PublicPath));
        Assert.That(Uri.UnescapeDataString(emulator.Requests[0].PublicKeyHeader), Is.EqualTo(stored.ToPem()));
    }

    [Test]
    public void Low_level_load_keys_accepts_pkcs8_and_checks_the_public_file()
    {
        KeyFiles.Save(_dir, TestKeys.Client, password: "pw");
        using var client = new SecureCompletionClient(new NomyoClientOptions { ClientKey = TestKeys.Server });

        client.LoadKeys(PrivatePath, PublicPath, "pw");

        Assert.That(client.PublicKeyPem, Is.EqualTo(TestKeys.Client.PublicKey.ToPem()));
        var missing = Assert.Throws<NomyoSecurityException>(() => client.LoadKeys(Path.Combine(_dir, "missing.pem")));
        Assert.That(missing!.Reason, Is.EqualTo(NomyoSecurityReason.KeyFileUnreadable));
        var empty = Assert.Throws<NomyoValidationException>(() => client.GenerateKeys(saveToFile: true, _dir, password: ""));
        Assert.That(empty!.ParamName, Is.EqualTo("password"));
    }
}
