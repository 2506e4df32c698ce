using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Vaults.Scoped;

public sealed record AddMemberInput
{
    [Required, EmailAddress, StringLength(FieldLengths.Email), Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [EnumDataType(typeof(VaultAccessLevel))]
    public VaultAccessLevel Access { get; set; } = VaultAccessLevel.Viewer;
}

[Authorize(Policy = VaultPolicy.Manage)]
public sealed class MembersModel(AppDbContext db, VaultScope scope, ManageVaults vaults) : PageModel
{
    public VaultView Vault { get; private set; } = null!;

    [BindProperty]
    public AddMemberInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await ShowAsync(ct, StatusCodes.Status422UnprocessableEntity);
        return await ResultAsync(await vaults.AddMemberAsync(scope, Input.Email, Input.Access, ct), "The member was added.", ct);
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid userId, string? access, CancellationToken ct)
    {
        ModelState.Clear();
        if (!Enum.TryParse<VaultAccessLevel>(access, out var level) || !Enum.IsDefined(level))
        {
            ModelState.AddModelError("", "Choose viewer, editor or manager.");
            return await ShowAsync(ct, StatusCodes.Status422UnprocessableEntity);
        }
        return await ResultAsync(await vaults.ChangeAccessAsync(scope, userId, level, ct), "The access was changed.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken ct)
    {
        ModelState.Clear();
        return await ResultAsync(await vaults.ChangeAccessAsync(scope, userId, null, ct), "The member was removed.", ct);
    }

    private async Task<IActionResult> ResultAsync(MemberChange change, string success, CancellationToken ct)
    {
        switch (change)
        {
            case MemberChange.Done:
                StatusMessage = success;
                return RedirectToPage();
            case MemberChange.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", change switch
                {
                    MemberChange.NotInAccount => "No user of your account has that email address.",
                    MemberChange.AlreadyMember => "That user is already a member of this vault.",
                    _ => "A vault needs at least one manager.",
                });
                return await ShowAsync(ct, StatusCodes.Status422UnprocessableEntity);
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var vault = await DetailsModel.LoadAsync(db, scope, ct);
        if (vault is null) return NotFound();
        Vault = vault;
        Response.StatusCode = status;
        return Page();
    }
}
