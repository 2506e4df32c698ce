using System.ComponentModel.DataAnnotations;
using Kith.Data;

namespace Kith.Features.Contacts.Editing;

/// <summary>What the create and edit forms post. Limits are the database's (ContactLengths), checked here on the server too.</summary>
public sealed record ContactInput
{
    private const string SingleLine = "Use a single line without control characters.";

    [StringLength(ContactLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine)]
    public string? Prefix { get; set; }

    [Required, StringLength(ContactLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine), Display(Name = "First name")]
    public string FirstName { get; set; } = "";

    [StringLength(ContactLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine), Display(Name = "Middle name")]
    public string? MiddleName { get; set; }

    [StringLength(ContactLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine), Display(Name = "Last name")]
    public string? LastName { get; set; }

    [StringLength(ContactLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine)]
    public string? Suffix { get; set; }

    [StringLength(ContactLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine)]
    public string? Nickname { get; set; }

    [StringLength(ContactLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine), Display(Name = "Maiden name")]
    public string? MaidenName { get; set; }

    public Guid? GenderId { get; set; }
    public Guid? PronounId { get; set; }
    public Guid? ReligionId { get; set; }

    [StringLength(ContactLengths.Description)]
    public string? Description { get; set; }

    [Range(1, 31), Display(Name = "Day")]
    public int? MetDay { get; set; }

    [Range(1, 12), Display(Name = "Month")]
    public int? MetMonth { get; set; }

    [Range(PartialDate.MinYear, PartialDate.MaxYear), Display(Name = "Year")]
    public int? MetYear { get; set; }

    [StringLength(ContactLengths.MetWhere), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine), Display(Name = "Where")]
    public string? MetWhere { get; set; }

    /// <summary>The "through whom" picker as posted; the page resolves it into <see cref="MetThroughContactId"/>.</summary>
    public ContactPickerInput MetThrough { get; set; } = new();

    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public Guid? MetThroughContactId { get; set; }

    [StringLength(ContactLengths.MetNotes), Display(Name = "Notes")]
    public string? MetNotes { get; set; }

    [StringLength(ContactLengths.FoodPreferences), Display(Name = "Food preferences")]
    public string? FoodPreferences { get; set; }

    [StringLength(ContactLengths.JobPosition), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine), Display(Name = "Job position")]
    public string? JobPosition { get; set; }

    /// <summary>An existing company of the vault is matched by name; a new name creates the company on save.</summary>
    [StringLength(VaultListLengths.Name), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = SingleLine), Display(Name = "Company")]
    public string? CompanyName { get; set; }

    public PartialDate MetOn => new() { Day = MetDay, Month = MetMonth, Year = MetYear };

    public static ContactInput From(Contact c, string? companyName) => new()
    {
        Prefix = c.Prefix,
        FirstName = c.FirstName,
        MiddleName = c.MiddleName,
        LastName = c.LastName,
        Suffix = c.Suffix,
        Nickname = c.Nickname,
        MaidenName = c.MaidenName,
        GenderId = c.GenderId,
        PronounId = c.PronounId,
        ReligionId = c.ReligionId,
        Description = c.Description,
        MetDay = c.MetOn.Day,
        MetMonth = c.MetOn.Month,
        MetYear = c.MetOn.Year,
        MetWhere = c.MetWhere,
        MetThroughContactId = c.MetThroughContactId,
        MetThrough = new ContactPickerInput { SelectedId = c.MetThroughContactId },
        MetNotes = c.MetNotes,
        FoodPreferences = c.FoodPreferences,
        JobPosition = c.JobPosition,
        CompanyName = companyName,
    };
}
