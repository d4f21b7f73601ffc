namespace Ledgerline.Benchmarks.Export;

/// <summary>
/// Samples <see cref="GC.GetTotalMemory(bool)"/> (no collection) on its own thread while a timed run is in progress and
/// keeps the peak: live objects plus garbage not yet collected, i.e. what the managed heap actually held between
/// collections. It does not disturb the run; <see cref="ExportBenchmark"/> measures the live set separately.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stop;

    private MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Highest heap size sampled, garbage included.</summary>
    public long PeakHeap { get; private set; }

    /// <summary>Starts sampling every <paramref name="interval"/>.</summary>
    public static MemorySampler Start(TimeSpan interval)
    {
        var sampler = new MemorySampler(interval);
        sampler.Sample();
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>Collects everything collectable (large object heap compacted too) and returns the heap size left.</summary>
    public static long Settle()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Stops sampling (one last sample is taken).</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(_interval);
        }

        Sample();
    }

    private void Sample() => PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
}
