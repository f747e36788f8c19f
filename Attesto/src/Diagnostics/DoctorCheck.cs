namespace Attesto;

/// <summary>One line of the doctor's report.</summary>
/// <param name="Name">The check's key, e.g. <c>self_test</c>.</param>
/// <param name="Ok">True or false, or null when the check was skipped.</param>
/// <param name="Detail">What was found.</param>
public sealed record DoctorCheck(string Name, bool? Ok, string Detail);
