using Ledgerline.Samples.Quickstart;
using Microsoft.Extensions.Configuration;

namespace Ledgerline.Samples.Tests.Quickstart;

/// <summary>
/// Runs the quickstart as <c>--provider xero</c> would, in-process on its own embedded Xero sandbox, once for the class:
/// the estimate is sent, accepted and turned into an invoice, and the bill is recorded and paid.
/// </summary>
public sealed class QuickstartXeroTests(QuickstartXeroTests.Run run) : IClassFixture<QuickstartXeroTests.Run>
{
    [Fact]
    public void Read_ProviderXero_RunsOnTheXeroSandboxEvenWithFreshBooksCredentials()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Ledgerline:FreshBooks:ClientId", "app-id")])
            .Build();

        Assert.Equal(QuickstartProvider.Xero, QuickstartConfiguration.Read(configuration, ["--provider", "xero"]).Provider);
        Assert.Equal(QuickstartProvider.Xero, QuickstartConfiguration.Read(configuration, ["--provider=Xero"]).Provider);
        Assert.Equal(QuickstartProvider.FreshBooks, QuickstartConfiguration.Read(new ConfigurationBuilder().Build(), ["--provider", "freshbooks"]).Provider);
        var error = Assert.Throws<QuickstartException>(() => QuickstartConfiguration.Read(configuration, ["--provider", "quickbooks"]));
        Assert.Contains("'quickbooks'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Story_Succeeds_OnXero()
    {
        Assert.True(run.Result.Succeeded, run.Result.Error + "\n" + run.Output);
        Assert.Equal(QuickstartProvider.Xero, run.Result.Provider);
        Assert.Equal("Ledgerline Demo NZ", run.Result.Organisation?.Name);
        Assert.Contains("Redirected back with a code; the state matches the request.", run.Output, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bill_IsRecordedAndPaid()
    {
        var bill = Assert.IsType<Bill>(run.Result.Bill);
        Assert.Equal(BillStatus.Paid, bill.Status);
        Assert.Equal(0m, bill.AmountDue.Amount);
        Assert.Equal(bill.Total, bill.AmountPaid);
        Assert.NotNull(run.Result.BillPayment);
        Assert.Null(run.Result.BillPaymentRefusal);
        Assert.Contains(run.Lines, l => l.Contains("-> bill Paid, paid 240.00 NZD, due 0.00 NZD", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_IsSentAcceptedAndConvertedIntoAnInvoice_OnXero()
    {
        Assert.Empty(run.Result.Refusals);
        Assert.Equal([EstimateStatus.Draft, EstimateStatus.Sent, EstimateStatus.Accepted], run.Result.EstimateStatuses);
        var estimate = Assert.IsType<Estimate>(run.Result.Estimate);
        var invoice = Assert.IsType<Invoice>(run.Result.QuotedInvoice);
        Assert.Matches(@"^QU-\d{4}$", estimate.Number);
        Assert.Equal(new Money(3550m, CurrencyCode.Parse("NZD")), estimate.Total);
        Assert.Equal((estimate.Total, estimate.ContactId), (invoice.Total, invoice.ContactId));
        Assert.Equal(["Migration", "Training"], invoice.Lines.Select(l => l.Name));

        // Xero links the invoice to its quote by the quote number as the invoice's reference (its notes).
        Assert.Equal(estimate.Number, invoice.Notes);
        Assert.Contains(run.Lines, l => l.Contains("Status moves: Draft -> Sent -> Accepted", StringComparison.Ordinal));
        Assert.Contains(run.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^   Converted into invoice INV-\d{{4}} \(id {invoice.Id}\): 2 lines, total 3,550\.00 NZD, due 3,550\.00 NZD, Draft$"));
        Assert.DoesNotContain("refused typed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void InvoicePaymentsListingArchiveAndCredit_RunOnXero()
    {
        Assert.Equal(InvoiceStatus.Paid, run.Result.Invoice?.Status);
        Assert.Equal(2, run.Result.Payments.Count);
        Assert.True(run.Result.UnpaidPageCounts.Count > 1, "the seeded unpaid invoices span pages");
        Assert.Equal(run.Result.UnpaidPageCounts.Sum(), run.Result.UnpaidListedCount);
        Assert.True(run.Result.ArchivedContactHidden);
        Assert.True(run.Result.RestoredContactListed);
        Assert.Equal(100m, run.Result.CreditNote?.RemainingCredit.Amount);
        Assert.Equal(200m, run.Result.QuotedInvoice?.AmountCredited.Amount);
    }

    /// <summary>One run of the story on Xero, from the options <c>--provider xero</c> reads.</summary>
    public sealed class Run : IAsyncLifetime
    {
        internal QuickstartResult Result { get; private set; } = null!;

        public string Output { get; private set; } = string.Empty;

        public IReadOnlyList<string> Lines { get; private set; } = [];

        public async ValueTask InitializeAsync()
        {
            var options = QuickstartConfiguration.Read(new ConfigurationBuilder().Build(), ["--provider", "xero"]);
            using var output = new StringWriter();
            Result = await QuickstartStory.RunAsync(output, options, TestContext.Current.CancellationToken);
            Output = output.ToString();
            Lines = Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
