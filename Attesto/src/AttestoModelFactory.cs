using Newtonsoft.Json.Linq;

namespace Attesto;

/// <summary>
/// Builds the models the Attesto clients return, for tests and mocks: one method per output model,
/// every property an optional parameter, so a test can hand a mocked <see cref="AttestoClient"/> or
/// <see cref="AttestoV2Client"/> any answer without writing JSON. Collections are copied and JSON
/// values deep-copied, so the built model shares nothing with the arguments.
/// </summary>
public static class AttestoModelFactory
{
    /// <summary>Builds an <see cref="Attesto.EventAck"/> (v1 acknowledgement).</summary>
    /// <param name="id">The event id (<c>evt_…</c>).</param>
    /// <param name="systemId">The registered system.</param>
    /// <param name="ts">The recorded timestamp text.</param>
    /// <returns>The acknowledgement.</returns>
    public static EventAck EventAck(string id = "", string? systemId = null, string? ts = null) =>
        new() { Id = id, SystemId = systemId, Ts = ts };

    /// <summary>Builds an <see cref="Attesto.EventBatchAck"/> (v1 batch acknowledgement).</summary>
    /// <param name="accepted">How many events were accepted.</param>
    /// <param name="events">The per-event acknowledgements.</param>
    /// <returns>The acknowledgement.</returns>
    public static EventBatchAck EventBatchAck(int accepted = 0, IEnumerable<EventAck>? events = null) =>
        new(accepted, Copy(events) ?? []);

    /// <summary>Builds an <see cref="Attesto.EventProof"/> (v1 event proof).</summary>
    /// <param name="canonicalJson">The event's canonical JSON.</param>
    /// <param name="proof">The Merkle proof (copied).</param>
    /// <param name="batchId">The anchored batch.</param>
    /// <returns>The proof.</returns>
    public static EventProof EventProof(string? canonicalJson = null, JToken? proof = null, string? batchId = null) =>
        new() { CanonicalJson = canonicalJson, ProofJson = proof?.DeepClone(), BatchId = batchId };

    /// <summary>Builds a <see cref="Attesto.PublicVerifyResult"/> (v1 public verifier answer).</summary>
    /// <param name="ok">The verdict.</param>
    /// <param name="raw">The full answer (copied); null gives an empty object.</param>
    /// <returns>The result.</returns>
    public static PublicVerifyResult PublicVerifyResult(bool? ok = null, JObject? raw = null) =>
        new() { Ok = ok, RawJson = (JObject?)raw?.DeepClone() ?? [] };

    /// <summary>Builds a <see cref="Attesto.ProofStream"/>.</summary>
    /// <param name="streamId">The stream id (<c>str_…</c>).</param>
    /// <param name="tenantId">The owning tenant.</param>
    /// <param name="useCase">The use case.</param>
    /// <param name="policyId">The witness policy.</param>
    /// <param name="createdAt">The creation time text.</param>
    /// <param name="headSeqNo">The head's sequence number.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The stream.</returns>
    public static ProofStream ProofStream(
        string streamId = "", string? tenantId = null, string? useCase = null, string? policyId = null, string? createdAt = null, long? headSeqNo = null, bool? mock = null) =>
        new() { StreamId = streamId, TenantId = tenantId, UseCase = useCase, PolicyId = policyId, CreatedAt = createdAt, HeadSeqNo = headSeqNo, Mock = mock };

    /// <summary>Builds a <see cref="Attesto.StreamEventReceipt"/> (an appended event with its signed receipt).</summary>
    /// <param name="streamEventId">The event id (<c>sev_…</c>).</param>
    /// <param name="streamId">The stream id.</param>
    /// <param name="seqNo">The sequence number.</param>
    /// <param name="eventHash">The event hash.</param>
    /// <param name="previousEventHash">The previous event's hash.</param>
    /// <param name="streamHeadHash">The stream head after the event.</param>
    /// <param name="receipt">The signed receipt (copied).</param>
    /// <param name="inclusion">The inclusion material.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The receipt.</returns>
    public static StreamEventReceipt StreamEventReceipt(
        string streamEventId = "",
        string? streamId = null,
        long? seqNo = null,
        string? eventHash = null,
        string? previousEventHash = null,
        string? streamHeadHash = null,
        JObject? receipt = null,
        InclusionProof? inclusion = null,
        bool? mock = null) =>
        new()
        {
            StreamEventId = streamEventId,
            StreamId = streamId,
            SeqNo = seqNo,
            EventHash = eventHash,
            PreviousEventHash = previousEventHash,
            StreamHeadHash = streamHeadHash,
            ReceiptJson = (JObject?)receipt?.DeepClone(),
            Inclusion = inclusion,
            Mock = mock,
        };

    /// <summary>Builds an <see cref="Attesto.InclusionProof"/>.</summary>
    /// <param name="windowId">The window id.</param>
    /// <param name="leafIndex">The leaf index.</param>
    /// <param name="leafHash">The leaf hash.</param>
    /// <param name="proof">The Merkle path (copied).</param>
    /// <param name="windowRoot">The window root.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The inclusion proof.</returns>
    public static InclusionProof InclusionProof(
        string? windowId = null, long? leafIndex = null, string? leafHash = null, JArray? proof = null, string? windowRoot = null, bool? mock = null) =>
        new() { WindowId = windowId, LeafIndex = leafIndex, LeafHash = leafHash, ProofJson = (JArray?)proof?.DeepClone(), WindowRoot = windowRoot, Mock = mock };

    /// <summary>Builds a <see cref="Attesto.StreamEventBatchResult"/>.</summary>
    /// <param name="accepted">How many events were accepted.</param>
    /// <param name="receipts">The receipts.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The batch result.</returns>
    public static StreamEventBatchResult StreamEventBatchResult(int? accepted = null, IEnumerable<StreamEventReceipt>? receipts = null, bool? mock = null) =>
        new() { Accepted = accepted, Receipts = Copy(receipts), Mock = mock };

    /// <summary>Builds a <see cref="Attesto.StreamEvent"/> (a listed event).</summary>
    /// <param name="streamEventId">The event id (<c>sev_…</c>).</param>
    /// <param name="streamId">The stream id.</param>
    /// <param name="seqNo">The sequence number.</param>
    /// <param name="eventHash">The event hash.</param>
    /// <param name="previousEventHash">The previous event's hash.</param>
    /// <param name="sourceRef">The source reference.</param>
    /// <param name="eventType">The event type.</param>
    /// <param name="occurredAt">The occurrence time text.</param>
    /// <param name="payloadHash">The payload hash.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The event.</returns>
    public static StreamEvent StreamEvent(
        string streamEventId = "",
        string? streamId = null,
        long? seqNo = null,
        string? eventHash = null,
        string? previousEventHash = null,
        string? sourceRef = null,
        string? eventType = null,
        string? occurredAt = null,
        string? payloadHash = null,
        bool? mock = null) =>
        new()
        {
            StreamEventId = streamEventId,
            StreamId = streamId,
            SeqNo = seqNo,
            EventHash = eventHash,
            PreviousEventHash = previousEventHash,
            SourceRef = sourceRef,
            EventType = eventType,
            OccurredAt = occurredAt,
            PayloadHash = payloadHash,
            Mock = mock,
        };

    /// <summary>Builds a <see cref="Attesto.Window"/>.</summary>
    /// <param name="windowId">The window id.</param>
    /// <param name="streamId">The stream id.</param>
    /// <param name="fromSeqNo">The first sequence number.</param>
    /// <param name="toSeqNo">The last sequence number.</param>
    /// <param name="windowRoot">The Merkle root.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The window.</returns>
    public static Window Window(string windowId = "", string? streamId = null, long? fromSeqNo = null, long? toSeqNo = null, string? windowRoot = null, bool? mock = null) =>
        new() { WindowId = windowId, StreamId = streamId, FromSeqNo = fromSeqNo, ToSeqNo = toSeqNo, WindowRoot = windowRoot, Mock = mock };

    /// <summary>Builds a <see cref="Attesto.Checkpoint"/>.</summary>
    /// <param name="checkpointId">The checkpoint id.</param>
    /// <param name="streamId">The stream id.</param>
    /// <param name="checkpointHash">The checkpoint hash.</param>
    /// <param name="previousCheckpointHash">The previous checkpoint's hash.</param>
    /// <param name="fromSeqNo">The first sequence number.</param>
    /// <param name="toSeqNo">The last sequence number.</param>
    /// <param name="checkpointRoot">The root over the window roots.</param>
    /// <param name="windowIds">The window ids.</param>
    /// <param name="witnessSignatures">The witness signatures.</param>
    /// <param name="anchorEpochId">The anchor epoch.</param>
    /// <param name="anchorStatus">The anchor status.</param>
    /// <param name="createdAt">The creation time text.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The checkpoint.</returns>
    public static Checkpoint Checkpoint(
        string checkpointId = "",
        string? streamId = null,
        string? checkpointHash = null,
        string? previousCheckpointHash = null,
        long? fromSeqNo = null,
        long? toSeqNo = null,
        string? checkpointRoot = null,
        IEnumerable<string>? windowIds = null,
        IEnumerable<WitnessSignature>? witnessSignatures = null,
        string? anchorEpochId = null,
        string? anchorStatus = null,
        string? createdAt = null,
        bool? mock = null) =>
        new()
        {
            CheckpointId = checkpointId,
            StreamId = streamId,
            CheckpointHash = checkpointHash,
            PreviousCheckpointHash = previousCheckpointHash,
            FromSeqNo = fromSeqNo,
            ToSeqNo = toSeqNo,
            CheckpointRoot = checkpointRoot,
            WindowIds = Copy(windowIds),
            WitnessSignatures = Copy(witnessSignatures),
            AnchorEpochId = anchorEpochId,
            AnchorStatus = anchorStatus,
            CreatedAt = createdAt,
            Mock = mock,
        };

    /// <summary>Builds a <see cref="Attesto.WitnessSignature"/>.</summary>
    /// <param name="witnessId">The witness id.</param>
    /// <param name="signature">The signature hex.</param>
    /// <returns>The signature.</returns>
    public static WitnessSignature WitnessSignature(string? witnessId = null, string? signature = null) =>
        new() { WitnessId = witnessId, Signature = signature };

    /// <summary>Builds a <see cref="Attesto.CheckpointConsistency"/>.</summary>
    /// <param name="checkpointId">The later checkpoint.</param>
    /// <param name="fromCheckpointId">The earlier checkpoint.</param>
    /// <param name="stepCount">The number of extension steps.</param>
    /// <param name="checkpoints">The checkpoints along the way.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The consistency answer.</returns>
    public static CheckpointConsistency CheckpointConsistency(
        string? checkpointId = null, string? fromCheckpointId = null, int? stepCount = null, IEnumerable<Checkpoint>? checkpoints = null, bool? mock = null) =>
        new() { CheckpointId = checkpointId, FromCheckpointId = fromCheckpointId, StepCount = stepCount, Checkpoints = Copy(checkpoints), Mock = mock };

    /// <summary>Builds a <see cref="Attesto.WitnessPolicy"/>.</summary>
    /// <param name="policyId">The policy id.</param>
    /// <param name="policyHash">The policy hash.</param>
    /// <param name="quorum">The quorum.</param>
    /// <param name="witnesses">The witnesses.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The policy.</returns>
    public static WitnessPolicy WitnessPolicy(string policyId = "", string? policyHash = null, int? quorum = null, IEnumerable<WitnessKey>? witnesses = null, bool? mock = null) =>
        new() { PolicyId = policyId, PolicyHash = policyHash, Quorum = quorum, Witnesses = Copy(witnesses), Mock = mock };

    /// <summary>Builds a <see cref="Attesto.WitnessKey"/>.</summary>
    /// <param name="witnessId">The witness id.</param>
    /// <param name="publicKeyHex">The Ed25519 public key hex.</param>
    /// <returns>The key.</returns>
    public static WitnessKey WitnessKey(string? witnessId = null, string? publicKeyHex = null) =>
        new() { WitnessId = witnessId, PublicKeyHex = publicKeyHex };

    /// <summary>Builds a <see cref="Attesto.VerificationResult"/> (remote verifier answer).</summary>
    /// <param name="ok">The verdict.</param>
    /// <param name="kind">The kind verified.</param>
    /// <param name="checked">The checks run.</param>
    /// <param name="problems">The problems found.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The result.</returns>
    public static VerificationResult VerificationResult(bool ok = false, string? kind = null, IEnumerable<string>? @checked = null, IEnumerable<string>? problems = null, bool? mock = null) =>
        new() { Ok = ok, Kind = kind, Checked = Copy(@checked) ?? [], Problems = Copy(problems) ?? [], Mock = mock };

    /// <summary>Builds a <see cref="Attesto.VerifierBundleResult"/>.</summary>
    /// <param name="bundleHash">The manifest hash.</param>
    /// <param name="bundle">The bundle (copied).</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The result.</returns>
    public static VerifierBundleResult VerifierBundleResult(string? bundleHash = null, JObject? bundle = null, bool? mock = null) =>
        new() { BundleHash = bundleHash, BundleJson = (JObject?)bundle?.DeepClone(), Mock = mock };

    /// <summary>Builds an <see cref="Attesto.AnchorEpoch"/>.</summary>
    /// <param name="anchorEpochId">The anchor epoch id (<c>aep_…</c>).</param>
    /// <param name="status">The anchoring status.</param>
    /// <param name="contractAddress">The contract address.</param>
    /// <param name="batchId">The batch id.</param>
    /// <param name="merkleRoot">The committed root.</param>
    /// <param name="txHash">The transaction hash.</param>
    /// <param name="blockNumber">The block number.</param>
    /// <param name="chainId">The chain id.</param>
    /// <param name="checkpointIds">The checkpoints covered.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The anchor epoch.</returns>
    public static AnchorEpoch AnchorEpoch(
        string anchorEpochId = "",
        string? status = null,
        string? contractAddress = null,
        string? batchId = null,
        string? merkleRoot = null,
        string? txHash = null,
        string? blockNumber = null,
        string? chainId = null,
        IEnumerable<string>? checkpointIds = null,
        bool? mock = null) =>
        new()
        {
            AnchorEpochId = anchorEpochId,
            Status = status,
            ContractAddress = contractAddress,
            BatchId = batchId,
            MerkleRoot = merkleRoot,
            TxHash = txHash,
            BlockNumber = blockNumber,
            ChainId = chainId,
            CheckpointIds = Copy(checkpointIds),
            Mock = mock,
        };

    /// <summary>Builds an <see cref="Attesto.IvcEpoch"/>.</summary>
    /// <param name="ivcEpochId">The IVC epoch id.</param>
    /// <param name="status">The status.</param>
    /// <param name="reviewStatus">The review status.</param>
    /// <param name="fromCheckpointId">The first checkpoint folded.</param>
    /// <param name="toCheckpointId">The last checkpoint folded.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The IVC epoch.</returns>
    public static IvcEpoch IvcEpoch(
        string ivcEpochId = "", string? status = null, string? reviewStatus = null, string? fromCheckpointId = null, string? toCheckpointId = null, bool? mock = null) =>
        new() { IvcEpochId = ivcEpochId, Status = status, ReviewStatus = reviewStatus, FromCheckpointId = fromCheckpointId, ToCheckpointId = toCheckpointId, Mock = mock };

    /// <summary>Builds a <see cref="Attesto.ForkEvidence"/>.</summary>
    /// <param name="forkEvidenceId">The evidence id.</param>
    /// <param name="streamId">The stream id.</param>
    /// <param name="seqNo">The contested sequence number.</param>
    /// <param name="witnessedEventHash">The witnessed hash.</param>
    /// <param name="conflictingEventHash">The conflicting hash.</param>
    /// <param name="detectedAt">The detection time text.</param>
    /// <param name="mock">The mock marker.</param>
    /// <returns>The evidence.</returns>
    public static ForkEvidence ForkEvidence(
        string forkEvidenceId = "",
        string? streamId = null,
        long? seqNo = null,
        string? witnessedEventHash = null,
        string? conflictingEventHash = null,
        string? detectedAt = null,
        bool? mock = null) =>
        new()
        {
            ForkEvidenceId = forkEvidenceId,
            StreamId = streamId,
            SeqNo = seqNo,
            WitnessedEventHash = witnessedEventHash,
            ConflictingEventHash = conflictingEventHash,
            DetectedAt = detectedAt,
            Mock = mock,
        };

    /// <summary>Builds a <see cref="Page{T}"/> of a listing.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items (copied).</param>
    /// <param name="total">The stated total.</param>
    /// <returns>The page.</returns>
    public static Page<T> Page<T>(IEnumerable<T>? items = null, long? total = null) =>
        new() { Items = Copy(items) ?? [], Total = total };

    /// <summary>Builds a <see cref="Attesto.ChainEvent"/> (what the stream reader yields per event).</summary>
    /// <param name="seqNo">The sequence number.</param>
    /// <param name="eventHash">The event hash.</param>
    /// <param name="previousEventHash">The previous event's hash.</param>
    /// <param name="eventType">The event type.</param>
    /// <returns>The event.</returns>
    public static ChainEvent ChainEvent(long seqNo = 0, string eventHash = "", string? previousEventHash = null, string? eventType = null) =>
        new(seqNo, eventHash, previousEventHash, eventType);

    /// <summary>Builds a <see cref="Attesto.CheckpointRange"/> (what the stream reader yields per checkpoint).</summary>
    /// <param name="checkpointId">The checkpoint id.</param>
    /// <param name="fromSeqNo">The first sequence number.</param>
    /// <param name="toSeqNo">The last sequence number.</param>
    /// <param name="checkpointHash">The checkpoint hash.</param>
    /// <param name="previousCheckpointHash">The previous checkpoint's hash.</param>
    /// <param name="anchorStatus">The anchor status.</param>
    /// <returns>The range.</returns>
    public static CheckpointRange CheckpointRange(
        string? checkpointId = null, long fromSeqNo = 0, long toSeqNo = 0, string checkpointHash = "", string? previousCheckpointHash = null, string? anchorStatus = null) =>
        new(checkpointId, fromSeqNo, toSeqNo, checkpointHash, previousCheckpointHash, anchorStatus);

    private static IReadOnlyList<T>? Copy<T>(IEnumerable<T>? items) => items is null ? null : new List<T>(items).AsReadOnly();
}
