namespace Lucairn;

/// <summary>One row of the recipe table: the step id and the verdict and reason it decides.</summary>
/// <param name="Id">The step id (<c>1</c>, <c>5a</c> … <c>9e</c>).</param>
/// <param name="Verdict">The verdict the step gives.</param>
/// <param name="Reason">The reason the step gives.</param>
internal sealed record ChainStep(string Id, string Verdict, string Reason);
