using System.Net;
using Kith.Features.Contacts;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Contacts.Connections;

public sealed class CompanyTests
{
    private static Task<Guid> CompanyAsync(KithFactory factory, Guid vaultId, string name) => factory.QueryAsync(async db =>
    {
        var company = Company.Create(vaultId, name);
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    [Fact]
    public async Task Companies_list_their_people_with_job_positions_and_deleting_one_keeps_the_people()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var page = $"/vaults/{world.VaultId}/companies/new";
        var (status, body) = await world.PostAsync(page, page, new() { ["Input.Name"] = "Analytical Engines" });
        Assert.True(status == HttpStatusCode.Redirect, body);
        var companyId = await factory.QueryAsync(db => db.Companies.Where(c => c.VaultId == world.VaultId).Select(c => c.Id).SingleAsync());
        var ada = await world.ContactAsync("Ada", c => { c.CompanyId = companyId; c.JobPosition = "Programmer"; });
        await world.ContactAsync("Bea", c => c.CompanyId = companyId);

        Assert.Contains("Analytical Engines 2", ConnectionsWorld.Text(await world.HtmlAsync($"/vaults/{world.VaultId}/companies")), StringComparison.Ordinal);
        Assert.Contains("Ada — Programmer", ConnectionsWorld.Text(await world.HtmlAsync($"/vaults/{world.VaultId}/companies/{companyId}")), StringComparison.Ordinal);

        var edit = $"/vaults/{world.VaultId}/companies/{companyId}/edit";
        (status, _) = await world.PostAsync(edit + "?handler=Rename", edit, new() { ["Input.Name"] = "Babbage & Co" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _) = await world.PostAsync(edit + "?handler=Delete", edit, []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(1, await factory.QueryAsync(db => db.Companies.CountAsync()));

        (status, _) = await world.PostAsync(edit + "?handler=Delete", edit, new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(0, await factory.QueryAsync(db => db.Companies.CountAsync()));
        Assert.Equal(2, await factory.QueryAsync(db => db.Contacts.CountAsync(c => c.VaultId == world.VaultId && c.CompanyId == null)));
        Assert.Equal(2, await factory.QueryAsync(db => db.FeedEntries.CountAsync(e => e.Action == FeedActions.ContactUpdated)));
        Assert.Contains("Programmer", await factory.QueryAsync(db => db.Contacts.Where(c => c.Id == ada).Select(c => c.JobPosition).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_of_another_vault_is_not_found_and_stays()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        var foreign = await CompanyAsync(factory, world.OtherVaultId, "Elsewhere Ltd");
        await CompanyAsync(factory, world.VaultId, "Mine");

        using var details = await world.Client.GetAsync($"/vaults/{world.VaultId}/companies/{foreign}");
        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        var edit = $"/vaults/{world.VaultId}/companies/{foreign}/edit";
        var (status, _) = await world.PostAsync(edit + "?handler=Delete", $"/vaults/{world.VaultId}/companies/new", new() { ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Elsewhere", await world.HtmlAsync($"/vaults/{world.VaultId}/companies"), StringComparison.Ordinal);
        Assert.Equal(2, await factory.QueryAsync(db => db.Companies.CountAsync()));
    }

    [Fact]
    public async Task The_companies_list_is_paginated()
    {
        await using var factory = new KithFactory();
        using var world = await ConnectionsWorld.CreateAsync(factory);
        await factory.QueryAsync(async db =>
        {
            for (var i = 0; i < Kith.Features.Vaults.Scoped.Companies.IndexModel.PageSize + 5; i++)
                db.Companies.Add(Company.Create(world.VaultId, $"Company {i:D4}"));
            return await db.SaveChangesAsync();
        });
        var first = await world.HtmlAsync($"/vaults/{world.VaultId}/companies");
        Assert.Contains("Company 0099", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Company 0100", first, StringComparison.Ordinal);
        var second = await world.HtmlAsync($"/vaults/{world.VaultId}/companies?p=1");
        Assert.Contains("Company 0104", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Company 0099", second, StringComparison.Ordinal);
    }
}
