using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account.Manage;

public sealed record PreferencesInput
{
    [Required, StringLength(FieldLengths.NameOrder), Display(Name = "Name order")]
    public string NameOrder { get; set; } = ContactNames.FirstLast;

    [EnumDataType(typeof(MapProvider)), Display(Name = "Maps")]
    public MapProvider MapProvider { get; set; }
}

public sealed class PreferencesModel(UserManager<User> users, AppDbContext db) : PageModel
{
    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    /// <summary>How a sample name looks in a template, for the choices on the page.</summary>
    public static string Example(string template) => ContactNames.Display(template, "Jane", "Doe", "JD");

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Input = new PreferencesInput { NameOrder = user.NameOrder, MapProvider = user.MapProvider };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (ModelState.IsValid && !ContactNames.Templates.Contains(Input.NameOrder))
            ModelState.AddModelError("Input.NameOrder", "Choose one of the listed name orders.");
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        user.NameOrder = Input.NameOrder;
        user.MapProvider = Input.MapProvider;
        await db.SaveChangesAsync(ct);
        StatusMessage = "Your preferences were saved.";
        return RedirectToPage();
    }
}
