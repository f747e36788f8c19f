using System.Globalization;
using Newtonsoft.Json.Linq;
using Shared.Crypto;

namespace Attesto.Testing;

/// <summary>
/// The state of a <see cref="MockAttesto"/>: streams with real hash chains, windows with Merkle
/// roots and proofs, witnessed and anchored checkpoints, bundles, and the fork hooks. Every hash,
/// Merkle node and signature goes through the SDK's own internal functions. Thread-safe (one lock).
/// </summary>
internal sealed partial class MockLedger
{
    internal const string TenantId = "ten_mock";

    private readonly object _gate = new();
    private readonly MockAttestoOptions _options;
    private readonly Ed25519PrivateKey _receiptKey = Ed25519PrivateKey.Generate();
    private readonly List<(string Id, Ed25519PrivateKey Key)> _witnesses = [];
    private readonly List<MockStream> _streams = [];
    private readonly Dictionary<string, MockStream> _streamsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MockStream Stream, MockEvent Event)> _eventsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MockStream Stream, MockCheckpoint Checkpoint)> _checkpointsById = new(StringComparer.Ordinal);
    private readonly List<JObject> _anchors = [];
    private readonly List<JObject> _ivcEpochs = [];
    private readonly List<JObject> _forkEvidence = [];
    private long _nextId;

    internal MockLedger(MockAttestoOptions options)
    {
        _options = options;
        for (int i = 1; i <= options.WitnessCount; i++)
        {
            _witnesses.Add(($"wit_mock_{i}", Ed25519PrivateKey.Generate()));
        }
    }

    internal MockChain Chain { get; } = new();

    internal string ReceiptPublicKeyHex => _receiptKey.PublicKey.ToHex();

    internal IReadOnlyDictionary<string, string> WitnessPublicKeys => _witnesses.ToDictionary(w => w.Id, w => w.Key.PublicKey.ToHex(), StringComparer.Ordinal);

    internal JObject CreateStream(string useCase, string policyId)
    {
        lock (_gate)
        {
            var stream = new MockStream { Id = NewId("str"), UseCase = useCase, PolicyId = policyId, CreatedAt = Now() };
            _streams.Add(stream);
            _streamsById[stream.Id] = stream;
            return StreamJson(stream);
        }
    }

    private readonly Dictionary<string, (string StreamId, string Secret)> _connectors = new(StringComparer.Ordinal);

    internal string RegisterConnector(string streamId, string secret)
    {
        lock (_gate)
        {
            _ = Stream(streamId);
            string id = NewId("con");
            _connectors[id] = (streamId, secret);
            return id;
        }
    }

    /// <summary>Accepts a signed-webhook connector event after checking its HMAC headers (±300 s skew).</summary>
    internal JObject AppendFromConnector(string connectorId, string? timestamp, string? signature, byte[] rawBody, JObject body)
    {
        (string StreamId, string Secret) connector;
        lock (_gate)
        {
            connector = _connectors.TryGetValue(connectorId, out var found) ? found : throw new MockError(404, $"no connector {connectorId}");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long ts)
            || Math.Abs(_options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() - ts) > 300)
        {
            throw new MockError(401, "connector timestamp missing, malformed or outside the 300 s window");
        }

        string expected = ConnectorWebhooks.SignHeaders(connector.Secret, rawBody, ts)[ConnectorWebhooks.SignatureHeader];
        if (!ConstantTime.EqualsAscii(expected, signature, ignoreAsciiCase: true))
        {
            throw new MockError(401, "connector signature mismatch");
        }

        return Append(connector.StreamId, body);
    }

    internal JObject Append(string streamId, JObject body)
    {
        JObject checkedBody = Validate(body, "$");
        lock (_gate)
        {
            return EventJson(AppendLocked(Stream(streamId), checkedBody), withInclusion: false);
        }
    }

    /// <summary>Appends a batch atomically (every event validated first) and returns the answer as JSON text.</summary>
    internal string AppendBatch(string streamId, JArray events)
    {
        if (events.Count is 0 or > AttestoV2Client.MaxBatchSize)
        {
            throw new MockError(422, $"a batch holds 1 to {AttestoV2Client.MaxBatchSize} events; got {events.Count}");
        }

        var bodies = events.Select((e, i) => Validate(e as JObject ?? throw new MockError(422, $"events[{i}] is not an object"), $"$.events[{i}]")).ToList();
        lock (_gate)
        {
            MockStream stream = Stream(streamId);
            List<MockEvent> appended = bodies.Select(body => AppendLocked(stream, body, sign: false)).ToList();
            Parallel.ForEach(appended.Where(e => e.Receipt is null).Distinct().ToList(), Sign);
            var text = new System.Text.StringBuilder(appended.Count * 1024);
            text.Append("{\"accepted\":").Append(appended.Count.ToString(CultureInfo.InvariantCulture)).Append(",\"receipts\":[");
            for (int i = 0; i < appended.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : ",").Append(appended[i].ResponseJson ??= EventJson(appended[i], withInclusion: false).ToString(Newtonsoft.Json.Formatting.None));
            }

            return text.Append("],\"mock\":true}").ToString();
        }
    }

    internal JObject Receipt(string streamEventId)
    {
        lock (_gate)
        {
            return _eventsById.TryGetValue(streamEventId, out var found)
                ? EventJson(found.Event, withInclusion: true)
                : throw new MockError(404, $"no event {streamEventId}");
        }
    }

    /// <summary>Closes the open window (if any) and checkpoints every window not yet in a checkpoint; witnesses and anchors it.</summary>
    internal JObject Checkpoint(string streamId)
    {
        lock (_gate)
        {
            MockStream stream = Stream(streamId);
            CloseWindow(stream);
            List<MockWindow> windows = stream.Windows.Where(w => w.CheckpointId is null).ToList();
            if (windows.Count == 0)
            {
                throw new InvalidOperationException($"Stream {streamId} has no new events to checkpoint.");
            }

            string root = Hex.Encode(MerkleTree.ComputeRoot(windows.Select(w => Hex.Decode(w.Root)).ToList(), MerkleDomain.Checkpoint));
            string previous = stream.Checkpoints.Count == 0 ? AttestoHashes.GenesisPreviousEventHash : stream.Checkpoints[^1].Hash;
            long from = windows[0].FromSeqNo, to = windows[^1].ToSeqNo;
            string hash = AttestoHashes.CheckpointHash(stream.Id, from, to, root, previous);
            byte[] signingInput = AttestoHashes.WitnessSigningInput(hash)!;
            var signatures = new JArray(_witnesses.Select(w => new JObject { ["witness_id"] = w.Id, ["signature"] = Hex.Encode(w.Key.Sign(signingInput)) }));
            string id = NewId("chk");
            string anchorId = Anchor(id, hash);
            var checkpoint = new MockCheckpoint
            {
                Id = id, StreamId = stream.Id, FromSeqNo = from, ToSeqNo = to, Root = root, Hash = hash, PreviousHash = previous,
                Windows = windows, WitnessSignatures = signatures, AnchorEpochId = anchorId, CreatedAt = Now(),
            };
            windows.ForEach(w => w.CheckpointId = id);
            stream.Checkpoints.Add(checkpoint);
            _checkpointsById[id] = (stream, checkpoint);
            _ivcEpochs.Add(new JObject { ["ivc_epoch_id"] = NewId("ivc"), ["status"] = "review_pending", ["review_status"] = "gated", ["from_checkpoint_id"] = id, ["to_checkpoint_id"] = id, ["mock"] = true });
            return CheckpointJson(checkpoint);
        }
    }

    internal JObject Consistency(string checkpointId, string fromCheckpointId)
    {
        lock (_gate)
        {
            var (stream, to) = CheckpointById(checkpointId);
            var (fromStream, from) = CheckpointById(fromCheckpointId);
            int toIndex = stream.Checkpoints.IndexOf(to), fromIndex = fromStream.Checkpoints.IndexOf(from);
            if (fromStream != stream || fromIndex >= toIndex)
            {
                throw new MockError(422, $"{fromCheckpointId} is not an earlier checkpoint of the same stream as {checkpointId}");
            }

            return new JObject
            {
                ["checkpoint_id"] = checkpointId,
                ["from_checkpoint_id"] = fromCheckpointId,
                ["step_count"] = toIndex - fromIndex,
                ["checkpoints"] = new JArray(stream.Checkpoints.Skip(fromIndex).Take(toIndex - fromIndex + 1).Select(CheckpointJson)),
                ["mock"] = true,
            };
        }
    }

    internal JObject WitnessPolicy(string policyId) => new()
    {
        ["policy_id"] = policyId,
        ["policy_hash"] = AttestoHashes.ArtifactHash(WitnessesJson(policyId)),
        ["quorum"] = _options.WitnessQuorum,
        ["witnesses"] = WitnessesJson(policyId)["witnesses"],
        ["mock"] = true,
    };

    internal JObject AnchorEpoch(string anchorEpochId)
    {
        lock (_gate)
        {
            return (JObject?)_anchors.FirstOrDefault(a => (string?)a["anchor_epoch_id"] == anchorEpochId)?.DeepClone()
                ?? throw new MockError(404, $"no anchor epoch {anchorEpochId}");
        }
    }

    internal JObject IvcEpoch(string ivcEpochId)
    {
        lock (_gate)
        {
            return (JObject?)_ivcEpochs.FirstOrDefault(a => (string?)a["ivc_epoch_id"] == ivcEpochId)?.DeepClone()
                ?? throw new MockError(404, $"no IVC epoch {ivcEpochId}");
        }
    }

    internal JObject Page(string kind, string? streamId, int limit, int offset)
    {
        lock (_gate)
        {
            IEnumerable<JToken> all = kind switch
            {
                "windows" => Streams(streamId).SelectMany(s => s.Windows).Select(WindowJson),
                "checkpoints" => Streams(streamId).SelectMany(s => s.Checkpoints).Select(CheckpointJson),
                "streams" => _streams.Select(StreamJson),
                "events" => Stream(streamId!).Events.Select(ListedEventJson),
                "fork-evidence" => _forkEvidence.Where(f => streamId is null || (string?)f["stream_id"] == streamId),
                "ivc-epochs" => _ivcEpochs,
                _ => throw new MockError(404, "unknown listing"),
            };
            List<JToken> items = all.ToList();
            return new JObject { ["items"] = new JArray(items.Skip(offset).Take(limit).Select(i => i.DeepClone())), ["total"] = items.Count, ["mock"] = true };
        }
    }

    private static string Hash32(string seed) => Hashes.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(seed));

    private JObject Validate(JObject body, string where)
    {
        if (body["source_ref"] is not JValue { Type: JTokenType.String } sourceRef || string.IsNullOrEmpty((string?)sourceRef))
        {
            throw new MockError(422, $"{where}.source_ref is required");
        }

        if (body["occurred_at"] is not JValue { Type: JTokenType.String })
        {
            throw new MockError(422, $"{where}.occurred_at is required");
        }

        if (body["event_type"] is { Type: not JTokenType.String and not JTokenType.Null })
        {
            throw new MockError(422, $"{where}.event_type must be a string");
        }

        foreach (string field in new[] { "payload", "metadata" })
        {
            if (body[field] is { } value)
            {
                try
                {
                    AttestoCanonicalJson.CheckNumberPolicy(value);
                }
                catch (AttestoUnsafeNumberException ex)
                {
                    throw new MockError(422, $"{where}.{field}: number policy violation at {ex.Path}");
                }
            }
        }

        return body;
    }

    private MockEvent AppendLocked(MockStream stream, JObject body, bool sign = true)
    {
        string sourceRef = (string)body["source_ref"]!;
        if (stream.BySourceRef.TryGetValue(sourceRef, out MockEvent? existing))
        {
            return existing;
        }

        long seq = stream.Events.Count + 1;
        string previous = stream.Events.Count == 0 ? AttestoHashes.GenesisPreviousEventHash : stream.Events[^1].EventHash;
        MockEvent e = CreateEvent(stream, seq, previous, sourceRef, (string?)body["event_type"], (string)body["occurred_at"]!, Hex.Encode(AttestoHashes.PayloadHash(body["payload"] ?? new JObject())), sign);
        stream.Events.Add(e);
        stream.BySourceRef[sourceRef] = e;
        _eventsById[e.Id] = (stream, e);
        if (stream.Events.Count - stream.PendingFrom >= _options.WindowSize)
        {
            CloseWindow(stream);
        }

        return e;
    }

    private void Sign(MockEvent e) => e.Receipt = ReceiptSigning.Sign(e.ReceiptPayload, _receiptKey, ReceiptSigning.MockKid, mock: true);

    private MockEvent CreateEvent(MockStream stream, long seq, string previous, string sourceRef, string? eventType, string occurredAt, string payloadHash, bool sign = true)
    {
        string id = NewId("sev");
        byte[] eventHash = AttestoHashes.EventHash(new EventHashInput(TenantId, stream.Id, seq, sourceRef, eventType, occurredAt, payloadHash, previous));
        string head = Hex.Encode(AttestoHashes.StreamHeadHash(eventHash));
        var payload = new JObject
        {
            ["stream_id"] = stream.Id,
            ["stream_event_id"] = id,
            ["seq_no"] = seq,
            ["event_hash"] = Hex.Encode(eventHash),
            ["previous_event_hash"] = previous,
            ["stream_head_hash"] = head,
            ["accepted_at"] = Now(),
            ["mock"] = true,
        };
        var created = new MockEvent
        {
            Id = id, SeqNo = seq, EventHash = Hex.Encode(eventHash), PreviousEventHash = previous, HeadHash = head, SourceRef = sourceRef,
            EventType = eventType, OccurredAt = occurredAt, PayloadHash = payloadHash, ReceiptPayload = payload,
        };
        if (sign)
        {
            Sign(created);
        }

        return created;
    }

    private void CloseWindow(MockStream stream)
    {
        if (stream.PendingFrom >= stream.Events.Count)
        {
            return;
        }

        List<MockEvent> members = stream.Events.GetRange(stream.PendingFrom, stream.Events.Count - stream.PendingFrom);
        var leaves = members.Select(m => Hex.Decode(m.EventHash)).ToList();
        var window = new MockWindow
        {
            Id = NewId("win"), StreamId = stream.Id, FromSeqNo = members[0].SeqNo, ToSeqNo = members[^1].SeqNo,
            Root = Hex.Encode(MerkleTree.ComputeRoot(leaves, MerkleDomain.Window)), Leaves = leaves,
        };
        for (int i = 0; i < members.Count; i++)
        {
            members[i].Window = window;
            members[i].LeafIndex = i;
        }

        stream.Windows.Add(window);
        stream.PendingFrom = stream.Events.Count;
    }

    private string Anchor(string checkpointId, string checkpointHash)
    {
        string anchorId = NewId("aep");
        string batchId = _options.Bytes32BatchIds ? "0x" + Hash32(anchorId) : (_anchors.Count + 1).ToString(CultureInfo.InvariantCulture);
        string root = AttestoHashes.AnchorRoot([checkpointHash]);
        string calldata = AnchorAbi.EncodeCall(AnchorAbi.DefaultSignature(batchId), batchId);
        var (tx, block) = Chain.Commit(calldata, root);
        _anchors.Add(new JObject
        {
            ["anchor_epoch_id"] = anchorId,
            ["status"] = "confirmed",
            ["contract_address"] = Chain.ContractAddress,
            ["batch_id"] = batchId,
            ["merkle_root"] = root,
            ["tx_hash"] = tx,
            ["block_number"] = block,
            ["chain_id"] = "1337",
            ["checkpoint_ids"] = new JArray(checkpointId),
            ["mock"] = true,
        });
        return anchorId;
    }

    private string NewId(string prefix) => $"{prefix}_mock_{Interlocked.Increment(ref _nextId):x8}";

    private string Now() => _options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private MockStream Stream(string streamId) =>
        _streamsById.TryGetValue(streamId, out MockStream? stream) ? stream : throw new MockError(404, $"no stream {streamId}");

    private IEnumerable<MockStream> Streams(string? streamId) => streamId is null ? _streams : [Stream(streamId)];

    private (MockStream Stream, MockCheckpoint Checkpoint) CheckpointById(string id) =>
        _checkpointsById.TryGetValue(id, out var found) ? found : throw new MockError(404, $"no checkpoint {id}");

    private static JObject StreamJson(MockStream s) => new()
    {
        ["stream_id"] = s.Id, ["tenant_id"] = TenantId, ["use_case"] = s.UseCase, ["policy_id"] = s.PolicyId, ["created_at"] = s.CreatedAt,
        ["head_seq_no"] = s.Events.Count, ["mock"] = true,
    };

    private JObject EventJson(MockEvent e, bool withInclusion)
    {
        var json = new JObject
        {
            ["stream_event_id"] = e.Id,
            ["stream_id"] = (string?)e.ReceiptPayload["stream_id"],
            ["seq_no"] = e.SeqNo,
            ["event_hash"] = e.EventHash,
            ["previous_event_hash"] = e.PreviousEventHash,
            ["stream_head_hash"] = e.HeadHash,
            ["receipt"] = e.Receipt.DeepClone(),
            ["mock"] = true,
        };
        if (withInclusion && e.Window is { } window)
        {
            json["inclusion"] = new JObject
            {
                ["window_id"] = window.Id,
                ["leaf_index"] = e.LeafIndex,
                ["leaf_hash"] = e.EventHash,
                ["proof"] = new JArray(MerkleTree.BuildProof(window.Leaves, e.LeafIndex, MerkleDomain.Window).Select(s => s.ToJson())),
                ["window_root"] = window.Root,
                ["mock"] = true,
            };
        }

        return json;
    }

    private static JObject ListedEventJson(MockEvent e) => new()
    {
        ["stream_event_id"] = e.Id, ["stream_id"] = (string?)e.ReceiptPayload["stream_id"], ["seq_no"] = e.SeqNo, ["event_hash"] = e.EventHash,
        ["previous_event_hash"] = e.PreviousEventHash, ["source_ref"] = e.SourceRef, ["event_type"] = e.EventType, ["occurred_at"] = e.OccurredAt,
        ["payload_hash"] = e.PayloadHash, ["mock"] = true,
    };

    private static JObject WindowJson(MockWindow w) => new()
    {
        ["window_id"] = w.Id, ["stream_id"] = w.StreamId, ["from_seq_no"] = w.FromSeqNo, ["to_seq_no"] = w.ToSeqNo, ["window_root"] = w.Root, ["mock"] = true,
    };

    private static JObject CheckpointJson(MockCheckpoint c) => new()
    {
        ["checkpoint_id"] = c.Id, ["stream_id"] = c.StreamId, ["checkpoint_hash"] = c.Hash, ["previous_checkpoint_hash"] = c.PreviousHash,
        ["from_seq_no"] = c.FromSeqNo, ["to_seq_no"] = c.ToSeqNo, ["checkpoint_root"] = c.Root, ["window_ids"] = new JArray(c.Windows.Select(w => w.Id)),
        ["witness_signatures"] = c.WitnessSignatures.DeepClone(), ["anchor_epoch_id"] = c.AnchorEpochId, ["anchor_status"] = "confirmed",
        ["created_at"] = c.CreatedAt, ["mock"] = true,
    };

    private JObject WitnessesJson(string policyId) => new()
    {
        ["policy_id"] = policyId,
        ["quorum"] = _options.WitnessQuorum,
        ["witnesses"] = new JArray(_witnesses.Select(w => new JObject { ["witness_id"] = w.Id, ["public_key_hex"] = w.Key.PublicKey.ToHex() })),
        ["mock"] = true,
    };
}
