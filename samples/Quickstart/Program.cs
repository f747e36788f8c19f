// The quickstart runs every vendor flow against its in-process emulator. The flows arrive with
// the vendor packages; until then this program only says so.
Console.WriteLine("samples arrive with the vendor packages");
return 0;
