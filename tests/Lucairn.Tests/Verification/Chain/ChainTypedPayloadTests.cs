namespace Lucairn.Tests.Verification.Chain;

/// <summary>Step 7i, case by case: the unsigned typed copy of a claim against its signed payload.</summary>
public class ChainTypedPayloadTests
{
    private static bool Matches(string claim, string claimType, string payload) =>
        ChainTypedPayload.Matches(ChainJson.Node(claim), claimType, ChainJson.Node(payload));

    private const string QiSigned = "'k_anonymity':3,'l_diversity':1.5,'risk_score':0.25,'threshold':0.5,'verdict':' generalized ','fields_generalized':['age','zip']";
    private const string QiTyped = "'k_anonymity':'3','l_diversity':1.5,'risk_score':0.25,'threshold':0.5,'verdict':'QI_VERDICT_GENERALIZED','fields_generalized':['age','zip']";

    [TestCase("{'bridge':1}", "TOKEN_GENERATED", "{}", false, TestName = "TypedCopyThatIsNotAnObjectFails")]
    [TestCase("{'bridge':{},'audit':{}}", "EVENTS_RECORDED", "{}", false, TestName = "TwoTypedCopiesFail")]
    [TestCase("{'bridge':{}}", "PII_SANITIZED", "{}", false, TestName = "TypedCopyOfAnotherKindFails")]
    [TestCase("{'bridge':{}}", "SOMETHING_ELSE", "{}", false, TestName = "TypedCopyOnAnUnnamedTypeFails")]
    [TestCase("{}", "TOKEN_GENERATED", "{}", true, TestName = "NamedTypeWithoutCopyAndWithoutKeyFieldsPasses")]
    [TestCase("{}", "TOKEN_GENERATED", "{'token_hash':'00'}", false, TestName = "NamedTypeWithoutCopySigningAKeyFieldFails")]
    [TestCase("{'bridge':null,'audit':{}}", "EVENTS_RECORDED", "{}", true, TestName = "NullTypedCopyIsAbsent")]
    [TestCase("{}", "OTHER", "{'layers_active':['ner',1]}", true, TestName = "OtherLayersWithoutSanitizerCopyPass")]
    [TestCase("{}", "OTHER", "{'layers_active':['user_unredacted_segment']}", false, TestName = "UnredactedLayerWithoutSanitizerCopyFails")]
    [TestCase("{'sanitizer':{'layers_active':['user_unredacted_segment']}}", "PII_SANITIZED", "{'layers_active':['user_unredacted_segment']}", true, TestName = "UnredactedLayerWithSanitizerCopyPasses")]
    public void ClaimShape(string claim, string claimType, string payload, bool expected) =>
        Assert.That(Matches(claim, claimType, payload), Is.EqualTo(expected));

    [TestCase("{'isolation_probe':1}", "{}", false, TestName = "Inference_ProbeNotAStringFails")]
    [TestCase("{}", "{'isolation_probe':'SOMETHING'}", true, TestName = "Inference_AbsentProbeIsUnknownAndMatchesAnUnknownSignedProbe")]
    [TestCase("{'isolation_probe':'ISOLATION_PROBE_UNKNOWN'}", "{'isolation_probe':'SOMETHING'}", true, TestName = "Inference_UnknownProbeMatchesAnUnknownSignedProbe")]
    [TestCase("{'isolation_probe':'ISOLATION_PROBE_LOCKED'}", "{'isolation_probe':'LOCKED'}", true, TestName = "Inference_KnownProbeMatches")]
    [TestCase("{'isolation_probe':'ISOLATION_PROBE_LOCKED'}", "{'isolation_probe':'VERIFIED'}", false, TestName = "Inference_ProbeMismatchFails")]
    [TestCase("{'isolation_probe':'ISOLATION_PROBE_VERIFIED'}", "{}", false, TestName = "Inference_VerifiedProbeWithoutSignedProbeFails")]
    [TestCase("{'isolation_probe':'ISOLATION_PROBE_BYOK_EXEMPT'}", "{}", false, TestName = "Inference_ByokExemptProbeWithoutSignedProbeFails")]
    [TestCase("{'isolation_probe':'ISOLATION_PROBE_BREACHED'}", "{}", true, TestName = "Inference_OtherProbeWithoutSignedProbePasses")]
    [TestCase("{'model_used':1}", "{}", false, TestName = "Inference_ModelNotAStringFails")]
    [TestCase("{'model_used':'m'}", "{'model_used':'n'}", false, TestName = "Inference_ModelMismatchFails")]
    [TestCase("{'model_used':'m'}", "{'model_used':'m'}", true, TestName = "Inference_ModelMatches")]
    [TestCase("{'response_hash':'!!'}", "{}", false, TestName = "Inference_HashNotBase64Fails")]
    [TestCase("{}", "{'response_hash':'ab'}", false, TestName = "Inference_SignedHashWithoutTypedHashFails")]
    [TestCase("{'response_hash':'qw=='}", "{}", false, TestName = "Inference_TypedHashWithoutSignedHashFails")]
    [TestCase("{'response_hash':'qw=='}", "{'response_hash':'ab'}", true, TestName = "Inference_HashMatchesAsLowerHex")]
    [TestCase("{'response_hash':'qw=='}", "{'response_hash':'AB'}", false, TestName = "Inference_HashComparesCaseSensitively")]
    public void Inference(string typed, string payload, bool expected) =>
        Assert.That(Matches("{'inference':" + typed + "}", "INFERENCE_COMPLETED", payload), Is.EqualTo(expected));

    [TestCase("{'qi_score':{" + QiTyped + "}}", "{'qi_score':{" + QiSigned + "}}", true, TestName = "Sanitizer_QiScoreMatches")]
    [TestCase("{'qi_score':1}", "{'qi_score':{" + QiSigned + "}}", false, TestName = "Sanitizer_TypedQiScoreNotAnObjectFails")]
    [TestCase("{'qi_score':{}}", "{}", false, TestName = "Sanitizer_TypedQiScoreWithoutSignedFails")]
    [TestCase("{'qi_score':{'k_anonymity':3,'verdict':'QI_VERDICT_BLOCKED'}}", "{'qi_score':{'k_anonymity':3,'l_diversity':0,'risk_score':0,'threshold':0,'verdict':'Blocked','fields_generalized':[]}}", true, TestName = "Sanitizer_AbsentTypedFloatsAreZero")]
    [TestCase("{'qi_score':{'k_anonymity':3,'verdict':'QI_VERDICT_PASS'}}", "{'qi_score':{'k_anonymity':3,'risk_score':0,'threshold':0,'verdict':'pass','fields_generalized':[]}}", false, TestName = "Sanitizer_AbsentSignedFloatFails")]
    [TestCase("{'qi_score':{'k_anonymity':3,'l_diversity':2,'verdict':'QI_VERDICT_PASS'}}", "{'qi_score':{'k_anonymity':3,'l_diversity':1.5,'risk_score':0,'threshold':0,'verdict':'PASS','fields_generalized':[]}}", false, TestName = "Sanitizer_FloatMismatchFails")]
    [TestCase("{'qi_score':{'k_anonymity':3}}", "{'qi_score':{'k_anonymity':3,'l_diversity':0,'risk_score':0,'threshold':0,'verdict':1,'fields_generalized':[]}}", false, TestName = "Sanitizer_SignedVerdictNotAStringFails")]
    [TestCase("{'qi_score':{'k_anonymity':3}}", "{'qi_score':{'k_anonymity':3,'l_diversity':0,'risk_score':0,'threshold':0,'verdict':'maybe','fields_generalized':[]}}", true, TestName = "Sanitizer_UnknownVerdictMatchesAbsentTypedVerdict")]
    [TestCase("{'qi_score':{'k_anonymity':3,'verdict':'QI_VERDICT_PASS'}}", "{'qi_score':{'k_anonymity':3,'l_diversity':0,'risk_score':0,'threshold':0,'verdict':'blocked','fields_generalized':[]}}", false, TestName = "Sanitizer_VerdictMismatchFails")]
    [TestCase("{'qi_score':{'k_anonymity':3,'fields_generalized':['b']}}", "{'qi_score':{'k_anonymity':3,'l_diversity':0,'risk_score':0,'threshold':0,'verdict':'x','fields_generalized':['a']}}", false, TestName = "Sanitizer_FieldsMismatchFails")]
    public void Sanitizer(string typed, string payload, bool expected) =>
        Assert.That(Matches("{'sanitizer':" + typed + "}", "PII_SANITIZED", payload), Is.EqualTo(expected));

    [TestCase("{'encryption_enabled':false}", "{'encryption_enabled':true}", false, TestName = "Bridge_FlagMismatchFails")]
    [TestCase("{}", "{'encryption_enabled':true}", false, TestName = "Bridge_AbsentTypedFlagIsFalse")]
    [TestCase("{}", "{'encryption_enabled':false}", true, TestName = "Bridge_AbsentTypedFlagMatchesFalse")]
    [TestCase("{'encryption_enabled':'x'}", "{'encryption_enabled':false}", false, TestName = "Bridge_TypedFlagNotABooleanFails")]
    [TestCase("{'encryption_enabled':true}", "{'encryption_enabled':true}", true, TestName = "Bridge_FlagMatches")]
    [TestCase("{'token_hash':'AQ=='}", "{'token_hash':'01'}", true, TestName = "Bridge_TokenHashMatches")]
    [TestCase("{'token_hash':'AQ=='}", "{'token_hash':'02'}", false, TestName = "Bridge_TokenHashMismatchFails")]
    public void Bridge(string typed, string payload, bool expected) =>
        Assert.That(Matches("{'bridge':" + typed + "}", "TOKEN_GENERATED", payload), Is.EqualTo(expected));

    [TestCase("{'chain_head_hash':'AQ=='}", "{'chain_head_hash':'00'}", false, TestName = "Audit_HeadHashMismatchFails")]
    [TestCase("{'chain_head_hash':'AQ=='}", "{'chain_head_hash':'01'}", true, TestName = "Audit_HeadHashMatches")]
    [TestCase("{'chain_length':4}", "{'chain_length':5}", false, TestName = "Audit_LengthMismatchFails")]
    [TestCase("{'chain_length':'5'}", "{'chain_length':5}", true, TestName = "Audit_LengthMatches")]
    [TestCase("{'chain_length':4}", "{'chain_length':'5'}", true, TestName = "Audit_UnsignedNumberLengthIsNotCompared")]
    public void Audit(string typed, string payload, bool expected) =>
        Assert.That(Matches("{'audit':" + typed + "}", "EVENTS_RECORDED", payload), Is.EqualTo(expected));

    [TestCase("pass", "QI_VERDICT_PASS")]
    [TestCase(" Generalized\\t", "QI_VERDICT_GENERALIZED")]
    [TestCase("bLoCkEd", "QI_VERDICT_BLOCKED")]
    [TestCase("no", "QI_VERDICT_UNKNOWN")]
    public void EachSignedVerdictMatchesItsTypedName(string signed, string typed)
    {
        string payload = "{'qi_score':{'k_anonymity':1,'l_diversity':0,'risk_score':0,'threshold':0,'verdict':'" + signed + "','fields_generalized':[]}}";
        Assert.Multiple(() =>
        {
            Assert.That(Matches("{'sanitizer':{'qi_score':{'k_anonymity':1,'verdict':'" + typed + "'}}}", "PII_SANITIZED", payload), Is.True);
            Assert.That(Matches("{'sanitizer':{'qi_score':{'k_anonymity':1,'verdict':'QI_VERDICT_OTHER'}}}", "PII_SANITIZED", payload), Is.False);
        });
    }
}
