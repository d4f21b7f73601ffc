using Ledgerline.FreshBooks.Api;
using Ledgerline.Mapping;
using Mapster;

namespace Ledgerline.FreshBooks.Mapping;

/// <summary>
/// Projects. <c>title</c> → Name, <c>client_id</c> → ContactId, <c>project_type</c> → BillingMethod, <c>fixed_price</c> and
/// <c>rate</c> → FixedPrice and HourlyRate, <c>complete</c> → IsComplete, <c>active</c> false → Archived. FreshBooks gives
/// those amounts no currency: the store passes the project's client's currency as the <see cref="CurrencyParameter"/>
/// mapping parameter, and without one (an internal project) the amounts stay null rather than guessed. <c>budget</c> is
/// budgeted time in an undocumented unit, not money, so Budget is never mapped. Id, title and <c>updated_at</c> are required.
/// </summary>
internal sealed class ProjectRegister : IRegister
{
    /// <summary>The Mapster runtime parameter holding the currency of a project's amounts.</summary>
    public const string CurrencyParameter = "currency";

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ProjectWire, Project>()
            .Map(d => d.Id, s => FreshBooksValues.RequiredId(s.Id, null))
            .Map(d => d.UpdatedAt, s => FreshBooksValues.RequiredUtc(s.UpdatedAt, "updated_at"))
            .Map(d => d.State, s => s.Active == false ? RecordState.Archived : RecordState.Active)
            .Map(d => d.Name, s => FreshBooksValues.RequiredText(s.Title, "title"))
            .Map(d => d.ContactId, s => FreshBooksValues.Reference(s.ClientId))
            .Map(d => d.Description, s => FreshBooksValues.Text(s.Description))
            .Map(d => d.DueDate, s => FreshBooksValues.OptionalDate(s.DueDate, "due_date"))
            .Map(d => d.BillingMethod, s => BillingMethod(s.ProjectType))
            .Map(d => d.FixedPrice, s => Amount(s.FixedPrice))
            .Map(d => d.HourlyRate, s => Amount(s.Rate))
            .Ignore(d => d.Budget)
            .Map(d => d.IsComplete, s => s.Complete == true)
            .Ignore(d => d.RawRepresentation);

        config.NewConfig<NewProject, ProjectWrite>()
            .Map(d => d.Title, s => s.Name)
            .Map(d => d.Description, s => s.Description)
            .Map(d => d.DueDate, s => s.DueDate.HasValue ? FreshBooksValues.Date(s.DueDate.Value) : null)
            .Map(d => d.ClientId, s => s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId))
            .Map(d => d.ProjectType, s => ProjectType(s.BillingMethod))
            .Map(d => d.FixedPrice, s => s.FixedPrice.HasValue ? FreshBooksValues.Number(s.FixedPrice.Value.Amount) : null)
            .Map(d => d.Rate, s => s.HourlyRate.HasValue ? FreshBooksValues.Number(s.HourlyRate.Value.Amount) : null)
            .Ignore(d => d.Complete)
            .Ignore(d => d.Active);

        config.NewConfig<ProjectChanges, ProjectWrite>()
            .Map(d => d.Title, s => s.Name)
            .Map(d => d.Description, s => s.Description)
            .Map(d => d.DueDate, s => s.DueDate.HasValue ? FreshBooksValues.Date(s.DueDate.Value) : null)
            .Ignore(d => d.ClientId)
            .Ignore(d => d.ProjectType)
            .Map(d => d.FixedPrice, s => s.FixedPrice.HasValue ? FreshBooksValues.Number(s.FixedPrice.Value.Amount) : null)
            .Map(d => d.Rate, s => s.HourlyRate.HasValue ? FreshBooksValues.Number(s.HourlyRate.Value.Amount) : null)
            .Map(d => d.Complete, s => s.IsComplete)
            .Ignore(d => d.Active);
    }

    /// <summary>The same mappings written as code, for a Native AOT app (see <see cref="LedgerMapper{TMappings}"/>).</summary>
    public static void Register(ExplicitMappings mappings)
    {
        // Not mapped, as in the Mapster configuration: Budget, RawRepresentation.
        mappings.Add<ProjectWire, CurrencyCode?, Project>((s, currency) => new Project
        {
            Id = FreshBooksValues.RequiredId(s.Id, null),
            UpdatedAt = FreshBooksValues.RequiredUtc(s.UpdatedAt, "updated_at"),
            State = s.Active == false ? RecordState.Archived : RecordState.Active,
            Name = FreshBooksValues.RequiredText(s.Title, "title"),
            ContactId = FreshBooksValues.Reference(s.ClientId),
            Description = FreshBooksValues.Text(s.Description),
            DueDate = FreshBooksValues.OptionalDate(s.DueDate, "due_date"),
            BillingMethod = BillingMethod(s.ProjectType),
            FixedPrice = Amount(s.FixedPrice, currency),
            HourlyRate = Amount(s.Rate, currency),
            IsComplete = s.Complete == true,
        });
        // Not mapped, as in the Mapster configuration: Complete, Active.
        mappings.Add<NewProject, ProjectWrite>(s => new ProjectWrite
        {
            Title = s.Name,
            Description = s.Description,
            DueDate = s.DueDate.HasValue ? FreshBooksValues.Date(s.DueDate.Value) : null,
            ClientId = s.ContactId == null ? null : FreshBooksValues.ParseId(s.ContactId),
            ProjectType = ProjectType(s.BillingMethod),
            FixedPrice = s.FixedPrice.HasValue ? FreshBooksValues.Number(s.FixedPrice.Value.Amount) : null,
            Rate = s.HourlyRate.HasValue ? FreshBooksValues.Number(s.HourlyRate.Value.Amount) : null,
        });
        // Not mapped, as in the Mapster configuration: ClientId, ProjectType, Active.
        mappings.Add<ProjectChanges, ProjectWrite>(s => new ProjectWrite
        {
            Title = s.Name,
            Description = s.Description,
            DueDate = s.DueDate.HasValue ? FreshBooksValues.Date(s.DueDate.Value) : null,
            FixedPrice = s.FixedPrice.HasValue ? FreshBooksValues.Number(s.FixedPrice.Value.Amount) : null,
            Rate = s.HourlyRate.HasValue ? FreshBooksValues.Number(s.HourlyRate.Value.Amount) : null,
            Complete = s.IsComplete,
        });
    }

    private static ProjectBillingMethod BillingMethod(string? projectType) => projectType switch
    {
        "fixed_price" => ProjectBillingMethod.FixedPrice,
        "hourly_rate" => ProjectBillingMethod.Hourly,
        _ => ProjectBillingMethod.Unknown,
    };

    private static string? ProjectType(ProjectBillingMethod method) => method switch
    {
        ProjectBillingMethod.FixedPrice => "fixed_price",
        ProjectBillingMethod.Hourly => "hourly_rate",
        _ => null,
    };

    /// <summary>An amount in the currency passed for this mapping; null when absent or when no currency is known.</summary>
    private static Money? Amount(string? text) =>
        Amount(text, MapContext.Current?.Parameters.TryGetValue(CurrencyParameter, out var currency) == true ? currency as CurrencyCode? : null);

    private static Money? Amount(string? text, CurrencyCode? currency) =>
        FreshBooksValues.Decimal(text) is { } a && currency is { } code ? new Money(a, code) : null;
}
