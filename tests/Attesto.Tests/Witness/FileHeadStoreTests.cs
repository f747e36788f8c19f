using Newtonsoft.Json.Linq;

namespace Attesto.Tests.Witness;

public class FileHeadStoreTests
{
    private static string H(int n) => n.ToString("x64");

    [Test]
    public async Task Survives_a_new_instance_and_uses_the_documented_layout()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "nested", "heads.json");
        await new FileHeadStore(path).UpdateAsync("str_a", _ => new StreamHead(3, H(3)));

        StreamHead? reread = await new FileHeadStore(path).GetAsync("str_a");

        Assert.That(reread, Is.EqualTo(new StreamHead(3, H(3))));
        var json = JObject.Parse(File.ReadAllText(path));
        Assert.That((int)json["version"]!, Is.EqualTo(1));
        Assert.That((long)json["heads"]!["str_a"]!["seq_no"]!, Is.EqualTo(3));
        Assert.That((string)json["heads"]!["str_a"]!["event_hash"]!, Is.EqualTo(H(3)));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Directory_is_0700_and_file_0600()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, ".attesto", "heads.json");
        await new FileHeadStore(path).UpdateAsync("s", _ => new StreamHead(1, H(1)));

        Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(path)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task Directory_is_synced_after_the_rename_with_the_new_file_in_place()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        var synced = new List<(string Directory, string Content)>();
        var store = new FileHeadStore(path, beforeCommit: null, syncDirectory: d => synced.Add((d, File.ReadAllText(path))));

        await store.UpdateAsync("s", _ => new StreamHead(1, H(1)));
        await store.UpdateAsync("s", _ => new StreamHead(2, H(2)));
        await store.UpdateAsync("s", head => head!); // unchanged: nothing written, nothing to sync

        Assert.That(synced.Select(s => s.Directory), Is.EqualTo(new[] { dir.Path, dir.Path }));
        Assert.That(synced[1].Content, Does.Contain(H(2)));
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task Default_directory_sync_really_fsyncs_and_reports_a_missing_directory()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        await new FileHeadStore(path).UpdateAsync("s", _ => new StreamHead(1, H(1)));
        Assert.That(() => DirectorySync.Flush(dir.Path), Throws.Nothing);
        Assert.That(() => DirectorySync.Flush(Path.Combine(dir.Path, "missing")), Throws.InstanceOf<IOException>().With.Message.Contain("missing"));
    }

    [TestCase(UnixFileMode.GroupWrite)]
    [TestCase(UnixFileMode.OtherWrite)]
    [TestCase(UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.StickyBit)]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Existing_directory_that_others_can_write_is_refused(UnixFileMode extra)
    {
        using var dir = new TempDir();
        string shared = Path.Combine(dir.Path, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | extra);
        string path = Path.Combine(shared, "heads.json");

        var update = await Assert.ThrowsAsync<AttestoException>(() => new FileHeadStore(path).UpdateAsync("s", _ => new StreamHead(1, H(1))));
        Assert.That(update!.Message, Does.Contain(shared).And.Contain("writable by group or others"));
        Assert.That(File.Exists(path), Is.False);
        await Assert.ThrowsAsync<AttestoException>(() => new FileHeadStore(path).GetAsync("s"));

        File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Assert.That(await new FileHeadStore(path).UpdateAsync("s", _ => new StreamHead(1, H(1))), Is.EqualTo(new StreamHead(1, H(1))));
    }

    [Test]
    public async Task Failure_mid_write_leaves_the_previous_file_intact_and_no_temp_file()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        await new FileHeadStore(path).UpdateAsync("s", _ => new StreamHead(1, H(1)));
        string before = File.ReadAllText(path);

        var crashing = new FileHeadStore(path, stream =>
        {
            stream.SetLength(stream.Length / 2); // a torn write ...
            throw new IOException("simulated crash before commit"); // ... then the process dies
        });

        await Assert.ThrowsAsync<IOException>(() => crashing.UpdateAsync("s", _ => new StreamHead(2, H(2))));
        Assert.That(File.ReadAllText(path), Is.EqualTo(before));
        Assert.That(await new FileHeadStore(path).GetAsync("s"), Is.EqualTo(new StreamHead(1, H(1))));
        Assert.That(Directory.GetFiles(dir.Path, "*.tmp"), Is.Empty);
    }

    [Test]
    public async Task Temporary_file_left_by_a_killed_writer_is_removed_on_the_next_write()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        await new FileHeadStore(path).UpdateAsync("s", _ => new StreamHead(1, H(1)));
        string stale = Path.Combine(dir.Path, ".heads.json.0123456789abcdef0123456789abcdef.tmp");
        await File.WriteAllTextAsync(stale, "{\"version\":1,\"hea"); // what a process killed mid-write leaves behind

        Assert.That(await new FileHeadStore(path).GetAsync("s"), Is.EqualTo(new StreamHead(1, H(1))), "the half-written file never replaced the real one");
        await new FileHeadStore(path).UpdateAsync("s", _ => new StreamHead(2, H(2)));

        Assert.That(File.Exists(stale), Is.False);
        Assert.That(await new FileHeadStore(path).GetAsync("s"), Is.EqualTo(new StreamHead(2, H(2))));
    }

    [Test]
    public async Task Fork_in_update_writes_nothing()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        var store = new FileHeadStore(path);
        await HeadWitness.WitnessAsync(store, "s", [new WitnessedEvent(5, H(5), H(4))], CancellationToken.None);
        DateTime written = File.GetLastWriteTimeUtc(path);
        string before = File.ReadAllText(path);

        await Assert.ThrowsAsync<AttestoForkDetectedException>(() => HeadWitness.WitnessAsync(store, "s", [new WitnessedEvent(4, H(40), H(3))], CancellationToken.None));

        Assert.That(File.ReadAllText(path), Is.EqualTo(before));
        Assert.That(File.GetLastWriteTimeUtc(path), Is.EqualTo(written));
    }

    [Test]
    public async Task Four_concurrent_writers_lose_no_update()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        const int Writers = 4, Updates = 40;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var store = new FileHeadStore(path); // one instance per writer, as separate processes would have
            for (int seq = 1; seq <= Updates; seq++)
            {
                int s = seq;
                await HeadWitness.WitnessAsync(store, $"str_{w}", [new WitnessedEvent(s, H((w * 1000) + s), H((w * 1000) + s - 1))], CancellationToken.None);
            }
        })));

        var reader = new FileHeadStore(path);
        for (int w = 0; w < Writers; w++)
        {
            Assert.That(await reader.GetAsync($"str_{w}"), Is.EqualTo(new StreamHead(Updates, H((w * 1000) + Updates))));
        }
    }

    [Test]
    public async Task Update_waits_for_the_os_file_lock_another_process_holds()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        var store = new FileHeadStore(path);
        await store.UpdateAsync("s", _ => new StreamHead(1, H(1)));

        // Hold the lock file exactly as another process's FileHeadStore would (exclusive OS lock).
        Task<StreamHead> update;
        using (new FileStream(path + ".lock", FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            update = store.UpdateAsync("s", _ => new StreamHead(2, H(2)));
            await Task.Delay(300);
            Assert.That(update.IsCompleted, Is.False, "the update must wait while another holder has the lock");
            Assert.That((await File.ReadAllTextAsync(path)).Contains(H(2), StringComparison.Ordinal), Is.False);
        }

        Assert.That(await update, Is.EqualTo(new StreamHead(2, H(2))));
    }

    [Test]
    public async Task Corrupt_file_fails_closed()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        File.WriteAllText(path, "{\"version\":1,\"heads\":{\"s\":{\"seq_no\":1}}}");

        var ex = await Assert.ThrowsAsync<AttestoException>(() => new FileHeadStore(path).GetAsync("s"));
        Assert.That(ex!.Message, Does.Contain("malformed"));
    }

    [TestCase("{\"version\":1,\"heads\":{\"s\":{\"seq_no\":99999999999999999999999,\"event_hash\":\"HASH\"}}}", "malformed")]
    [TestCase("{\"version\":1,\"heads\":{\"s\":{\"seq_no\":-1,\"event_hash\":\"HASH\"}}}", "malformed")]
    [TestCase("{\"version\":99999999999999999999999,\"heads\":{}}", "version 1")]
    [TestCase("{\"version\":-99999999999999999999999,\"heads\":{}}", "version 1")]
    public async Task Out_of_range_integers_are_the_typed_corruption_error(string json, string reason)
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "heads.json");
        File.WriteAllText(path, json.Replace("HASH", H(1), StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<AttestoException>(() => new FileHeadStore(path).GetAsync("s"));
        Assert.That(ex!.Message, Does.Contain("is unusable").And.Contain(reason));
    }

    [Test]
    public async Task Bad_arguments_are_rejected()
    {
        Assert.Throws<AttestoValidationException>(() => _ = new FileHeadStore(" "));
        await Assert.ThrowsAsync<AttestoValidationException>(() => new MemoryHeadStore().GetAsync(""));
        await Assert.ThrowsAsync<AttestoException>(() => new MemoryHeadStore().UpdateAsync("s", _ => new StreamHead(1, "XYZ")));
    }

    [Test]
    public void Default_path_is_under_the_home_directory()
    {
        Assert.That(FileHeadStore.DefaultPath, Does.EndWith(Path.Combine(".attesto", "heads.json")));
    }
}
