namespace Ledgerline.ConformanceTests;

/// <summary>Theory data shared by the suites.</summary>
public static class ConformanceData
{
    /// <summary>Every entity, for tests that run once per store.</summary>
    public static TheoryData<EntityKind> Entities => new(Enum.GetValues<EntityKind>());
}
