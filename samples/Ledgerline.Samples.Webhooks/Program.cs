using Ledgerline.Samples.Webhooks;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

return await WebhooksDemo.RunAsync(args, Console.Out, stop.Token);
