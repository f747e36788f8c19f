// The three upstream Attesto examples in C#: first attested event, offline receipt verification,
// completeness check. With ATTESTO_API_KEY set they run against real Attesto (the receipt signer
// key comes from ATTESTO_RECEIPT_SIGNER_PUBLIC_KEY_HEX, the policy from ATTESTO_POLICY_ID);
// without it they run fully offline against MockAttesto on 127.0.0.1.
//
//   dotnet run --project samples/AttestoSamples                 # all three, offline
//   dotnet run --project samples/AttestoSamples -- completeness # one of: first-event, verify-receipt, completeness
using AttestoSamples;

string which = args.Length > 0 ? args[0] : "all";
await using SampleEnvironment env = await SampleEnvironment.CreateAsync();
Console.WriteLine(env.Description);

var examples = new (string Name, Func<SampleEnvironment, Task> Run)[]
{
    ("first-event", FirstAttestedEvent.RunAsync),
    ("verify-receipt", OfflineReceiptVerification.RunAsync),
    ("completeness", CompletenessCheck.RunAsync),
};

int ran = 0;
foreach (var (name, run) in examples)
{
    if (which == "all" || which == name)
    {
        Console.WriteLine($"--- {name} ---");
        await run(env);
        ran++;
    }
}

if (ran == 0)
{
    Console.Error.WriteLine($"Unknown example '{which}'. Use first-event, verify-receipt, completeness or all.");
    return 2;
}

return 0;
