using BenchmarkDotNet.Attributes;
using Ledgerline.InMemory;
using Microsoft.Extensions.DependencyInjection;

namespace Ledgerline.Benchmarks.Micro;

/// <summary>
/// What Ledgerline's own store pipeline (capability guards, validation, cursor binding, logging/tracing/metrics) costs per
/// call, measured on the InMemory provider so no HTTP, parsing or mapping hides it: the provider's raw store against the
/// same store behind <c>ILedgerFactory.Open</c>. No logger, listener or meter is attached, as in an app that has not
/// opted in to telemetry.
/// </summary>
[MemoryDiagnoser]
public class StorePipelineBenchmarks
{
    private ServiceProvider _services = null!;
    private IContactStore _raw = null!;
    private IContactStore _pipeline = null!;
    private string _id = null!;
    private NewContact _draft = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddLedgerline().AddInMemory().Services.BuildServiceProvider();
        _pipeline = _services.GetRequiredService<ILedgerFactory>().Open("bench").Contacts;
        _raw = _services.GetServices<ILedgerProvider>().Single().Open("bench").Contacts;
        _draft = new NewContact { Organization = "Pipeline Benchmarks Ltd", Email = "bench@example.com" };
        _id = _raw.CreateAsync(_draft).GetAwaiter().GetResult().Id;
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "InMemory raw store GetAsync")]
    [BenchmarkCategory("get")]
    public Task<Contact> RawGet() => _raw.GetAsync(_id);

    [Benchmark(Description = "InMemory through the pipeline GetAsync")]
    [BenchmarkCategory("get")]
    public Task<Contact> PipelineGet() => _pipeline.GetAsync(_id);

    [Benchmark(Description = "InMemory through the pipeline CreateAsync (validated)")]
    [BenchmarkCategory("create")]
    public Task<Contact> PipelineCreate() => _pipeline.CreateAsync(_draft);

    [Benchmark(Description = "InMemory raw store CreateAsync")]
    [BenchmarkCategory("create")]
    public Task<Contact> RawCreate() => _raw.CreateAsync(_draft);
}
