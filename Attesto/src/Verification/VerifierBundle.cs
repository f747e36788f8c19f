using Shared.Telemetry;
using System.Globalization;
using Attesto.Http;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto;

/// <summary>
/// Verifies a Proofstream verifier bundle offline (spec §3): manifest digest, receipt signatures,
/// stream sequence, window inclusion, checkpoint consistency, witness quorum and anchor reference.
/// Pure and thread-safe; fails closed: anything missing, malformed or ambiguous is a problem,
/// and no exception escapes for bad bundle content.
/// </summary>
public static class VerifierBundle
{
    /// <summary>The checks, in the order they run and are reported.</summary>
    public static IReadOnlyList<string> Checks { get; } =
        ["manifest_digest", "receipt_signatures", "stream_sequence", "window_inclusion", "checkpoint_consistency", "witness_quorum", "anchor_reference"];

    /// <summary>The artifact names a manifest lists.</summary>
    internal static readonly string[] ArtifactNames = ["receipts.json", "windows.json", "checkpoints.json", "witnesses.json", "anchors.json"];

    private const int MaxProblemsPerCheck = 20;

    /// <summary>Verifies a bundle against keys you trust.</summary>
    /// <param name="bundle">The bundle (<c>manifest</c> and <c>artifacts</c>), e.g. <see cref="VerifierBundleResult.GetBundle"/>.</param>
    /// <param name="keys">The receipt and witness keys you trust, and the bundle hash you expect.</param>
    /// <returns>The report; <see cref="VerificationReport.Ok"/> only when every check passed.</returns>
    /// <exception cref="AttestoValidationException">An argument is null.</exception>
    /// <exception cref="AttestoValidationException">The expected contract address in <paramref name="keys"/> is not 0x followed by 40 hex digits, or the expected chain id is negative.</exception>
    public static VerifierBundleReport Verify(JObject bundle, VerifierBundleKeys keys)
    {
        using VerificationScope? span = AttestoTelemetry.Instance.StartVerification("Attesto.VerifyBundle", "bundle");
        try
        {
            VerifierBundleReport report = VerifyCore(bundle, keys);
            span?.Complete(report.Ok, VerificationReasons.Bundle(report));
            return report;
        }
        catch (Exception ex) when (VerificationScope.Fail(span, ex))
        {
            throw;
        }
    }

    private static VerifierBundleReport VerifyCore(JObject bundle, VerifierBundleKeys keys)
    {
        AttestoArguments.NotNull(bundle, nameof(bundle));
        AttestoArguments.NotNull(keys, nameof(keys));
        AnchorExpectations.CheckContract(keys.ExpectedContractAddress, nameof(keys));
        AnchorExpectations.CheckChainId(keys.ExpectedChainId, nameof(keys));
        var problems = new List<string>();
        try
        {
            new Run(bundle, keys, problems).Execute();
        }
        catch (Exception ex) when (ex is AttestoException or ArgumentException or FormatException or InvalidCastException or InvalidOperationException or OverflowException or Newtonsoft.Json.JsonException or CryptoException)
        {
            problems.Add("bundle is malformed: " + ex.Message);
        }

        return new VerifierBundleReport(Checks, problems);
    }

    private sealed record WindowEntry(string Id, long From, long To, string Root);

    private sealed record CheckpointEntry(CheckpointRange Range, string Root, IReadOnlyList<string?> WindowIds, JArray Signatures, string? AnchorEpochId);

    private sealed class Run(JObject bundle, VerifierBundleKeys keys, List<string> problems)
    {
        private readonly Dictionary<long, string> _eventHashes = [];
        private readonly Dictionary<string, WindowEntry> _windows = new(StringComparer.Ordinal);
        private readonly List<CheckpointEntry> _checkpoints = [];
        private string _streamId = string.Empty;
        private long _from;
        private long _to;

        internal void Execute()
        {
            if ((IsMock(bundle) || IsMock(bundle["manifest"])) && !keys.AllowMock)
            {
                problems.Add("mock bundle");
            }

            if (bundle["manifest"] is not JObject manifest || bundle["artifacts"] is not JObject artifacts)
            {
                problems.Add("bundle has no manifest or no artifacts");
                return;
            }

            if (!ManifestDigest(manifest, artifacts))
            {
                return;
            }

            ReceiptSignatures(artifacts["receipts.json"] as JArray);
            StreamSequence();
            WindowInclusion(artifacts["windows.json"] as JArray);
            CheckpointConsistency(artifacts["checkpoints.json"] as JArray);
            WitnessQuorum(artifacts["witnesses.json"] as JObject);
            AnchorReference(artifacts["anchors.json"] as JArray);
        }

        private static bool IsMock(JToken? token) => token is JObject obj && JsonFields.Boolean(obj, "mock") == true;

        private static string Norm(string hash) => hash.ToLowerInvariant();

        /// <summary>A list member as text; anything but a string is null, which matches no id (not even an empty one).</summary>
        private static string? TextOrNull(JToken token) => token is JValue { Type: JTokenType.String } value ? (string)value! : null;

        private bool ManifestDigest(JObject manifest, JObject artifacts)
        {
            if (!string.Equals((string?)manifest["protocol"], AttestoProtocol.Name, StringComparison.Ordinal))
            {
                problems.Add($"manifest protocol is not {AttestoProtocol.Name}");
            }

            var hashes = manifest["artifact_hashes"] as JObject;
            foreach (string name in ArtifactNames)
            {
                string? expected = hashes is null ? null : JsonFields.Text(hashes, name);
                if (artifacts[name] is not { } artifact || expected is null)
                {
                    problems.Add($"artifact missing from bundle or manifest: {name}");
                }
                else if (AttestoHashes.ArtifactHash(artifact) != Norm(expected))
                {
                    problems.Add($"artifact hash mismatch: {name}");
                }
            }

            foreach (JProperty extra in artifacts.Properties().Where(p => !ArtifactNames.Contains(p.Name)))
            {
                problems.Add($"artifact not covered by the manifest: {extra.Name}");
            }

            string digest = AttestoHashes.ManifestDigest(manifest);
            string? expectedDigest = keys.ExpectedBundleHash ?? JsonFields.Text(bundle, "bundle_hash", "bundleHash");
            if (expectedDigest is not null && Norm(expectedDigest) != digest)
            {
                problems.Add("bundle hash mismatch");
            }

            if (JsonFields.Text(manifest, "stream_id") is not { } streamId || JsonFields.Integer(manifest, "from_seq_no") is not { } from
                || JsonFields.Integer(manifest, "to_seq_no") is not { } to || from > to || from < 1)
            {
                problems.Add("manifest lacks a valid stream_id, from_seq_no or to_seq_no");
                return false;
            }

            (_streamId, _from, _to) = (streamId, from, to);
            return true;
        }

        private void ReceiptSignatures(JArray? receipts)
        {
            if (receipts is null)
            {
                problems.Add("receipts.json is not a list");
                return;
            }

            var local = new List<string>();
            for (int i = 0; i < receipts.Count; i++)
            {
                ReceiptVerificationReport report = Receipts.Verify(receipts[i], keys.ReceiptPublicKeyHex, keys.AllowMock);
                JObject? payload = (receipts[i] as JObject)?["payload"] as JObject;
                if (!report.Ok)
                {
                    local.Add($"receipt {i}: {string.Join(", ", report.Problems)}");
                }

                // Stryker disable once all : its mutants leave a pattern variable unassigned, which rolls back the whole method (TESTING.md)
                if (payload is null || !ChainEvent.TryFromJson(payload, out ChainEvent? e))
                {
                    local.Add($"receipt {i}: payload lacks seq_no or event_hash");
                    continue;
                }

                if (!string.Equals(JsonFields.Text(payload, "stream_id", "streamId"), _streamId, StringComparison.Ordinal))
                {
                    local.Add($"receipt {i}: belongs to another stream");
                }
                else if (!_eventHashes.TryAdd(e.SeqNo, Norm(e.EventHash)))
                {
                    local.Add($"receipt {i}: seq_no {e.SeqNo} appears twice");
                }
                else if (report.Ok)
                {
                    _chain.Add(e);
                }
            }

            AddCapped("receipt_signatures", local);
        }

        private readonly List<ChainEvent> _chain = [];

        private void StreamSequence()
        {
            CompletenessReport report = Completeness.Verify(_chain, _from, _to);
            AddCapped("stream_sequence", report.Problems.Select(p => "stream sequence: " + p));
        }

        private void WindowInclusion(JArray? windows)
        {
            if (windows is null)
            {
                problems.Add("windows.json is not a list");
                return;
            }

            var local = new List<string>();
            var entries = new List<WindowEntry>();
            foreach (JToken token in windows)
            {
                // Stryker disable once all : its mutants leave a pattern variable unassigned, which rolls back the whole method (TESTING.md)
                if (token is not JObject w || JsonFields.Text(w, "window_id") is not { } id || JsonFields.Integer(w, "from_seq_no") is not { } from
                    || JsonFields.Integer(w, "to_seq_no") is not { } to || JsonFields.Text(w, "window_root") is not { } root || from > to || !_windows.TryAdd(id, new WindowEntry(id, from, to, Norm(root))))
                {
                    local.Add("a window is malformed or repeated");
                    continue;
                }

                entries.Add(_windows[id]);
            }

            if (!Contiguous(entries.Select(e => (e.From, e.To)).ToList(), _from, _to))
            {
                local.Add($"windows do not cover seq_no {_from}..{_to} exactly and contiguously");
            }

            foreach (WindowEntry window in entries)
            {
                var leaves = new List<byte[]>();
                for (long seq = window.From; seq <= window.To && leaves.Count == seq - window.From; seq++)
                {
                    if (_eventHashes.TryGetValue(seq, out string? hash) && HexSpan.TryDecode(hash, Hashes.DigestSize) is { } leaf)
                    {
                        leaves.Add(leaf);
                    }
                }

                if (leaves.Count != window.To - window.From + 1)
                {
                    local.Add($"window {window.Id} covers events without a valid receipt");
                }
                else if (Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window)) != window.Root)
                {
                    local.Add($"window root mismatch: {window.Id}");
                }
            }

            AddCapped("window_inclusion", local);
        }

        private void CheckpointConsistency(JArray? checkpoints)
        {
            if (checkpoints is null)
            {
                problems.Add("checkpoints.json is not a list");
                return;
            }

            var local = new List<string>();
            foreach (JToken token in checkpoints)
            {
                // Stryker disable once all : its mutants leave a pattern variable unassigned, which rolls back the whole method (TESTING.md)
                if (!CheckpointRange.TryFromJson(token, out CheckpointRange? range) || range.CheckpointId is null
                    || JsonFields.Text((JObject)token, "checkpoint_root") is not { } root || token["window_ids"] is not JArray windowIds)
                {
                    local.Add("a checkpoint is malformed");
                    continue;
                }

                _checkpoints.Add(new CheckpointEntry(range, Norm(root), windowIds.Select(TextOrNull).ToList(), token["witness_signatures"] as JArray ?? [], JsonFields.Text((JObject)token, "anchor_epoch_id")));
            }

            _checkpoints.Sort((a, b) => a.Range.FromSeqNo.CompareTo(b.Range.FromSeqNo));
            if (!Contiguous(_checkpoints.Select(c => (c.Range.FromSeqNo, c.Range.ToSeqNo)).ToList(), _from, _to))
            {
                local.Add($"checkpoints do not cover seq_no {_from}..{_to} exactly and contiguously");
            }

            for (int i = 0; i < _checkpoints.Count; i++)
            {
                CheckpointEntry c = _checkpoints[i];
                string id = c.Range.CheckpointId!;
                if (i > 0)
                {
                    local.AddRange(Proofs.VerifyCheckpointExtension(_checkpoints[i - 1].Range, c.Range).Problems.Select(p => $"checkpoint {id}: {p}"));
                }

                List<WindowEntry?> windows = c.WindowIds.Select(w => w is null ? null : _windows.GetValueOrDefault(w)).ToList();
                if (windows.Count == 0 || windows.Any(w => w is null) || !Contiguous(windows.Select(w => (w!.From, w.To)).ToList(), c.Range.FromSeqNo, c.Range.ToSeqNo))
                {
                    local.Add($"checkpoint {id}: its windows are missing or do not cover its range");
                }
                else if (!Proofs.VerifyCheckpointRoot(windows.Select(w => w!.Root).ToList(), c.Root))
                {
                    local.Add($"checkpoint root mismatch: {id}");
                }

                string previous = c.Range.PreviousCheckpointHash ?? AttestoHashes.GenesisPreviousEventHash;
                if (AttestoHashes.CheckpointHash(_streamId, c.Range.FromSeqNo, c.Range.ToSeqNo, c.Root, previous) != Norm(c.Range.CheckpointHash))
                {
                    local.Add($"checkpoint hash mismatch: {id}");
                }
            }

            AddCapped("checkpoint_consistency", local);
        }

        private void WitnessQuorum(JObject? witnesses)
        {
            long? policyQuorum = witnesses is null ? null : JsonFields.Integer(witnesses, "quorum", "threshold");
            if (policyQuorum is not > 0)
            {
                problems.Add("witnesses.json states no quorum");
                return;
            }

            if (keys.WitnessPublicKeys is null || keys.WitnessPublicKeys.Count == 0)
            {
                problems.Add("no trusted witness keys supplied");
                return;
            }

            long quorum = Math.Max(policyQuorum.Value, keys.MinimumQuorum);
            var local = new List<string>();
            foreach (CheckpointEntry c in _checkpoints)
            {
                byte[]? message = AttestoHashes.WitnessSigningInput(c.Range.CheckpointHash);
                // Distinct trusted public keys, not distinct id strings: a case-variant id under a
                // case-insensitive key map, or two trusted ids sharing one key, is still one witness.
                var signers = new HashSet<string>(StringComparer.Ordinal);
                foreach (JObject signature in c.Signatures.OfType<JObject>())
                {
                    string? witness = JsonFields.Text(signature, "witness_id");
                    byte[]? sig = HexSpan.TryDecode(JsonFields.Text(signature, "signature"), Ed25519PublicKey.SignatureSize);
                    if (message is not null && witness is not null && sig is not null && keys.WitnessPublicKeys.TryGetValue(witness, out string? keyHex)
                        && HexSpan.TryDecode(keyHex, Ed25519PublicKey.KeySize) is { } key && Ed25519PublicKey.FromRaw(key).Verify(message, sig))
                    {
                        signers.Add(Hex.Encode(key));
                    }
                }

                if (signers.Count < quorum)
                {
                    local.Add($"witness quorum not met for checkpoint {c.Range.CheckpointId}: {signers.Count} of {quorum}");
                }
            }

            AddCapped("witness_quorum", local);
        }

        private void AnchorReference(JArray? anchors)
        {
            if (anchors is null)
            {
                problems.Add("anchors.json is not a list");
                return;
            }

            var byId = new Dictionary<string, JObject>(StringComparer.Ordinal);
            foreach (JObject anchor in anchors.OfType<JObject>())
            {
                if (JsonFields.Text(anchor, "anchor_epoch_id", "id") is { } id)
                {
                    byId[id] = anchor;
                }
            }

            var hashesById = _checkpoints.ToDictionary(c => c.Range.CheckpointId!, c => c.Range.CheckpointHash, StringComparer.Ordinal);
            var local = new List<string>();
            var expectationsChecked = new HashSet<string>(StringComparer.Ordinal);
            foreach (CheckpointEntry c in _checkpoints)
            {
                string id = c.Range.CheckpointId!;
                // Stryker disable once all : its mutants leave a pattern variable unassigned, which rolls back the whole method (TESTING.md)
                if (c.AnchorEpochId is null || !byId.TryGetValue(c.AnchorEpochId, out JObject? anchor))
                {
                    local.Add($"checkpoint {id} has no anchor in the bundle");
                    continue;
                }

                if (expectationsChecked.Add(c.AnchorEpochId))
                {
                    local.AddRange(AnchorExpectations.Problems(anchor, c.AnchorEpochId, keys.ExpectedContractAddress, keys.ExpectedChainId));
                }

                if (JsonFields.Text(anchor, "status") != "confirmed")
                {
                    local.Add($"anchor {c.AnchorEpochId} not confirmed");
                }

                if (IsMock(anchor) && !keys.AllowMock)
                {
                    local.Add($"mock anchor {c.AnchorEpochId}");
                }

                List<string?> covered = (anchor["checkpoint_ids"] as JArray)?.Select(TextOrNull).ToList() ?? [];
                string? root = JsonFields.Text(anchor, "merkle_root", "epoch_root", "root");
                if (!covered.Contains(id) || root is null)
                {
                    local.Add($"anchor {c.AnchorEpochId} does not name checkpoint {id} or has no root");
                }
                else if (covered.Any(k => k is null || !hashesById.ContainsKey(k)))
                {
                    local.Add($"anchor {c.AnchorEpochId} covers checkpoints outside the bundle; its root cannot be recomputed");
                }
                else if (AttestoHashes.AnchorRoot(covered.Select(k => hashesById[k!]).ToList()) != AnchorAbi.NormaliseHash(root))
                {
                    local.Add($"anchor root mismatch: {c.AnchorEpochId}");
                }
            }

            AddCapped("anchor_reference", local);
        }

        private static bool Contiguous(List<(long From, long To)> ranges, long from, long to)
        {
            if (ranges.Count == 0)
            {
                return false;
            }

            ranges.Sort();
            long next = from;
            foreach (var (f, t) in ranges)
            {
                if (f != next || t < f)
                {
                    return false;
                }

                next = t + 1;
            }

            return next == to + 1;
        }

        private void AddCapped(string check, IEnumerable<string> found)
        {
            var list = found.ToList();
            problems.AddRange(list.Take(MaxProblemsPerCheck));
            if (list.Count > MaxProblemsPerCheck)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{check}: {list.Count - MaxProblemsPerCheck} more problems not listed"));
            }
        }
    }
}
