using Kith.Data;
using Kith.Features.Contacts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Vaults.Scoped.Companies;

public sealed record CompanyPerson(Guid Id, string Name, string? JobPosition);

public sealed class DetailsModel(AppDbContext db, VaultScope scope) : PageModel
{
    public const int PeopleLimit = 500;

    public Guid CompanyId { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<CompanyPerson> People { get; private set; } = [];
    public bool HasMore { get; private set; }
    public bool CanEdit => scope.CanEdit;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid companyId, CancellationToken ct)
    {
        var vaultId = scope.VaultId;
        var userId = scope.UserId;
        var company = await db.Companies.Where(c => c.Id == companyId && c.VaultId == vaultId)
            .Select(c => new { c.Name, NameOrder = db.Users.Where(u => u.Id == userId).Select(u => u.NameOrder).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (company is null) return NotFound();
        CompanyId = companyId;
        Name = company.Name;
        var nameOrder = company.NameOrder ?? ContactNames.FirstLast;
        var people = await db.Contacts.InScope(scope).Where(c => c.CompanyId == companyId)
            .OrderBy(c => c.SortByFirst).ThenBy(c => c.Id).Take(PeopleLimit + 1)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Nickname, c.JobPosition }).ToListAsync(ct);
        HasMore = people.Count > PeopleLimit;
        People = people.Take(PeopleLimit).Select(p => new CompanyPerson(p.Id, ContactNames.Display(nameOrder, p.FirstName, p.LastName, p.Nickname), p.JobPosition)).ToList();
        return Page();
    }
}
