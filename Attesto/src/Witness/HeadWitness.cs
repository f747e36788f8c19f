namespace Attesto;

/// <summary>Checks receipts against a head store and advances it only when all of them pass.</summary>
internal static class HeadWitness
{
    /// <summary>
    /// Checks the events of one stream in seq order against the stored head and stores the new
    /// head in one atomic update; a fork throws and stores nothing. A null store disables the check.
    /// </summary>
    internal static async Task WitnessAsync(IHeadStore? store, string streamId, IReadOnlyCollection<WitnessedEvent> events, CancellationToken cancellationToken)
    {
        if (store is null || events.Count == 0)
        {
            return;
        }

        await store.UpdateAsync(streamId, stored => HeadCheck.Apply(streamId, stored, events), cancellationToken).ConfigureAwait(false);
    }
}
