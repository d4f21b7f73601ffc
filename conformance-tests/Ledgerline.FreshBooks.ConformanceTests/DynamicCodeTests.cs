using System.Runtime.CompilerServices;

namespace Ledgerline.FreshBooks.ConformanceTests;

/// <summary>
/// This suite runs without dynamic code (<c>DynamicCodeSupport=false</c> in its project), as a Native AOT app does, so the
/// FreshBooks adapter maps with its mappings written as code; Ledgerline.FreshBooks.Tests runs the Mapster configuration.
/// </summary>
public sealed class DynamicCodeTests
{
    [Fact]
    public void RuntimeFeature_ThisSuite_RunsWithoutDynamicCode() =>
        Assert.False(RuntimeFeature.IsDynamicCodeSupported);
}
