using Ledgerline.ConformanceTests.Connections;
using Ledgerline.Connections;

namespace Ledgerline.Tests.Connections;

public sealed class InMemoryConnectionStoreContractTests : ConnectionStoreContractTests
{
    protected override ValueTask<IConnectionStore> CreateStoreAsync() => ValueTask.FromResult<IConnectionStore>(new InMemoryConnectionStore());
}
