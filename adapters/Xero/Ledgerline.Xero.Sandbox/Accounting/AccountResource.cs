using System.Text.Json;
using Ledgerline.Xero.Sandbox.Accounting.Model;
using Ledgerline.Xero.Sandbox.Resources;

namespace Ledgerline.Xero.Sandbox.Accounting;

/// <summary><c>/Accounts</c> (read-only in this sandbox): the chart of accounts, unpaged.</summary>
internal static class AccountResource
{
    public static XeroResource<Account> Create(Hosting.SandboxServices s) => new()
    {
        Services = s,
        Name = "Accounts",
        IdName = "AccountID",
        ReadScopes = ["accounting.settings.read"],
        WriteScopes = ["accounting.settings"],
        Store = b => b.Accounts,
        Write = Write,
    };

    public static void Write(Utf8JsonWriter w, Account a, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("AccountID", a.Id);
        w.WriteString("Code", a.Code);
        w.WriteString("Name", a.Name);
        w.WriteString("Status", a.Status);
        w.WriteString("Type", a.Type);
        w.WriteString("TaxType", a.TaxType);
        w.WriteString("Class", a.Class);
        w.WriteBoolean("EnablePaymentsToAccount", a.EnablePaymentsToAccount);
        w.WriteBoolean("ShowInExpenseClaims", false);
        Writers.Opt(w, "Description", a.Description);
        Writers.Opt(w, "BankAccountNumber", a.BankAccountNumber);
        Writers.Opt(w, "BankAccountType", a.BankAccountType);
        Writers.Opt(w, "CurrencyCode", a.CurrencyCode);
        w.WriteString("ReportingCode", a.Class == "REVENUE" ? "REV" : a.Class == "EXPENSE" ? "EXP" : a.Class[..3]);
        w.WriteBoolean("HasAttachments", false);
        Writers.Updated(w, a.Updated);
        w.WriteBoolean("AddToWatchlist", false);
        w.WriteEndObject();
    }
}
