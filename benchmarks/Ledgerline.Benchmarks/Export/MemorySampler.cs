namespace Ledgerline.Benchmarks.Export;

/// <summary>
/// Samples the managed heap on its own thread while a run is in progress and keeps two peaks:
/// <list type="bullet">
/// <item><see cref="PeakHeap"/>: <see cref="GC.GetTotalMemory(bool)"/> without collecting, i.e. live objects plus garbage
/// not yet collected (what the process actually holds between collections);</item>
/// <item><see cref="PeakLive"/>: the heap left after each collection seen (<see cref="GC.GetGCMemoryInfo(GCKind)"/>:
/// Σ generation size after − fragmentation after), i.e. what was still reachable when the GC looked.</item>
/// </list>
/// A collection that starts and ends between two samples is missed; <see cref="CollectionsSeen"/> says how many were seen.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stop;
    private long _lastIndex;

    private MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        _lastIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;
        _thread = new Thread(Run) { IsBackground = true, Name = "memory sampler", Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Highest heap size sampled, garbage included.</summary>
    public long PeakHeap { get; private set; }

    /// <summary>Highest post-collection heap size seen (0 when no collection happened during the run).</summary>
    public long PeakLive { get; private set; }

    /// <summary>Collections whose result was sampled.</summary>
    public int CollectionsSeen { get; private set; }

    /// <summary>Starts sampling every <paramref name="interval"/>.</summary>
    public static MemorySampler Start(TimeSpan interval)
    {
        var sampler = new MemorySampler(interval);
        sampler.Sample();
        sampler._thread.Start();
        return sampler;
    }

    /// <summary>Collects everything collectable (LOH compacted) and returns the heap size and the post-collection size.</summary>
    public static (long Heap, long Live) Settle()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return (GC.GetTotalMemory(false), LiveAfter(GC.GetGCMemoryInfo(GCKind.Any)));
    }

    /// <summary>Stops sampling (one last sample is taken).</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private static long LiveAfter(GCMemoryInfo info)
    {
        long live = 0;
        foreach (var generation in info.GenerationInfo)
        {
            live += generation.SizeAfterBytes - generation.FragmentationAfterBytes;
        }

        return live;
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

    private void Sample()
    {
        PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        if (info.Index != _lastIndex)
        {
            _lastIndex = info.Index;
            CollectionsSeen++;
            PeakLive = Math.Max(PeakLive, LiveAfter(info));
        }
    }
}
