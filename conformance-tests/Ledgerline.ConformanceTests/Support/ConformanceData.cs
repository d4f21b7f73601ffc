namespace Ledgerline.ConformanceTests;

/// <summary>Theory data shared by the suites.</summary>
public static class ConformanceData
{
    /// <summary>
    /// Every entity whose store lists and changes records (every <see cref="EntityKind"/> but the read-only
    /// <see cref="EntityKind.Company"/>), for tests that run once per store.
    /// </summary>
    public static IReadOnlyList<EntityKind> RecordKinds { get; } = [.. Enum.GetValues<EntityKind>().Where(e => e != EntityKind.Company)];

    /// <summary><see cref="RecordKinds"/> as theory data.</summary>
    public static TheoryData<EntityKind> Entities => new(RecordKinds);
}
