using TestSupport;

namespace Attesto.Tests.Conventions;

/// <summary>The family's model rules (issue 13): output models are immutable and the model factory builds every one.</summary>
public class FamilyModelConventionTests
{
    private static IReadOnlyCollection<Type> OutputModels() =>
        FamilyConventions.OutputModels(typeof(AttestoClient).Assembly, typeof(AttestoClient), typeof(AttestoV2Client));

    [Test]
    public void The_clients_return_the_expected_output_models()
    {
        // Guards the reflection walk itself: an empty or truncated list would make the two rules below vacuous.
        Assert.That(OutputModels(), Is.SupersetOf(new[]
        {
            typeof(EventAck), typeof(EventBatchAck), typeof(EventProof), typeof(PublicVerifyResult), typeof(ProofStream),
            typeof(StreamEventReceipt), typeof(InclusionProof), typeof(StreamEventBatchResult), typeof(VerificationResult),
            typeof(CheckpointConsistency), typeof(Checkpoint), typeof(WitnessSignature), typeof(WitnessPolicy), typeof(WitnessKey),
            typeof(VerifierBundleResult), typeof(AnchorEpoch), typeof(IvcEpoch), typeof(Page<>), typeof(Window), typeof(StreamEvent),
            typeof(ForkEvidence), typeof(ChainEvent), typeof(CheckpointRange),
        }));
    }

    [Test]
    public void Output_models_have_no_public_setter_and_no_mutable_collection()
    {
        Assert.That(FamilyConventions.MutableOutputViolations(OutputModels()), Is.Empty);
    }

    [Test]
    public void The_model_factory_builds_every_output_model()
    {
        Assert.That(FamilyConventions.ModelFactoryViolations(typeof(AttestoModelFactory), OutputModels()), Is.Empty);
    }
}
