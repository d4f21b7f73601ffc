using System.Runtime.CompilerServices;

namespace Ledgerline.Xero.ConformanceTests;

/// <summary>
/// This suite runs without dynamic code (<c>DynamicCodeSupport=false</c> in its project), as a Native AOT app does, so the
/// Xero adapter maps with its mappings written as code; Ledgerline.Xero.Tests runs the Mapster configuration.
/// </summary>
public sealed class DynamicCodeTests
{
    [Fact]
    public void RuntimeFeature_ThisSuite_RunsWithoutDynamicCode() =>
        Assert.False(RuntimeFeature.IsDynamicCodeSupported);
}
