using Ledgerline.InMemory.Storage;

namespace Ledgerline.InMemory.Projects;

internal sealed class InMemoryProjectStore(InMemoryLedger ledger)
    : InMemoryStore<Project, NewProject, ProjectChanges, ProjectQuery>(ledger, EntityKind.Project, ledger.ProjectTable), IProjectStore
{
    protected override Project Create(NewProject draft, DateTimeOffset now)
    {
        if (draft.ContactId is { } contactId)
        {
            Ledger.InvoiceStore.RequireContact(contactId);
        }

        if (draft.Budget is { } budget && draft.FixedPrice is { } price && budget.Currency != price.Currency ||
            draft.Budget is { } b && draft.HourlyRate is { } rate && b.Currency != rate.Currency)
        {
            throw Invalid(nameof(NewProject.Budget), "A project's budget, price and rate are in one currency; Ledgerline never converts currencies.", "CurrencyMismatch");
        }

        return new Project
        {
            Id = string.Empty,
            UpdatedAt = now,
            Name = draft.Name,
            ContactId = draft.ContactId,
            Description = Text(draft.Description),
            DueDate = draft.DueDate,
            BillingMethod = draft.BillingMethod,
            FixedPrice = draft.FixedPrice,
            HourlyRate = draft.HourlyRate,
            Budget = draft.Budget,
        };
    }

    protected override Project Update(Project current, ProjectChanges changes)
    {
        if (changes.FixedPrice is not null && current.BillingMethod != ProjectBillingMethod.FixedPrice)
        {
            throw Invalid(nameof(ProjectChanges.FixedPrice), $"Project {current.Id} is billed {current.BillingMethod}; only a fixed-price project has a FixedPrice.", "FixedPriceNotApplicable");
        }

        return current with
        {
            Name = changes.Name ?? current.Name,
            Description = Change(current.Description, changes.Description),
            DueDate = changes.DueDate ?? current.DueDate,
            FixedPrice = changes.FixedPrice ?? current.FixedPrice,
            HourlyRate = changes.HourlyRate ?? current.HourlyRate,
            Budget = changes.Budget ?? current.Budget,
            IsComplete = changes.IsComplete ?? current.IsComplete,
        };
    }
}
