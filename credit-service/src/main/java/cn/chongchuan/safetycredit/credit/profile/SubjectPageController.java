package cn.chongchuan.safetycredit.credit.profile;

import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.listing.ListingView;
import cn.chongchuan.safetycredit.credit.listing.ListingViews;
import cn.chongchuan.safetycredit.credit.subject.NameChange;
import cn.chongchuan.safetycredit.credit.subject.Person;
import cn.chongchuan.safetycredit.credit.subject.PublicName;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.violation.ViolationService;
import cn.chongchuan.safetycredit.credit.violation.ViolationView;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A subject's page: the unit or person with the listings and violations the caller may see, and
 * the steps that answer with the page (registration, renaming, lookup). It composes the subject,
 * listing and violation modules and owns no table, so that none of them depends on another
 * through it.
 */
@RestController
@RequestMapping("/api/v1/subjects")
class SubjectPageController {

    private final SubjectService subjects;
    private final ListingService listings;
    private final ListingViews views;
    private final ViolationService violations;

    SubjectPageController(SubjectService subjects, ListingService listings, ListingViews views, ViolationService violations) {
        this.subjects = subjects;
        this.listings = listings;
        this.views = views;
        this.violations = violations;
    }

    /** The unit with the listings and violations the caller may see (its own department's, or all for ADMIN). */
    record UnitPage(Unit unit, List<ListingView> listings, List<ViolationView> violations, List<NameChange> nameHistory) {
    }

    /** A person, the number masked. {@code id} is the opaque public id, never the internal key. */
    record PersonPage(String id, String name, String maskedIdNumber, List<ListingView> listings,
                      List<ViolationView> violations, List<NameChange> nameHistory) {
    }

    record RegisterUnit(@NotBlank @Size(max = 18) String uscc,
                        @NotBlank @Size(max = 200) @PublicName String name,
                        @Size(max = 300) String checkOverrideReason) {
    }

    record PersonLookup(@NotBlank @Size(max = 18) String idNumber) {
    }

    /** A change of the registered name, with the reason (e.g. 营业执照变更, the licence number). */
    record UnitNameChange(@NotBlank @Size(max = 200) @PublicName String name,
                          @NotBlank @Size(max = 500) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }

    record PersonNameChange(@NotBlank @Size(max = 60) @PublicName String name,
                            @NotBlank @Size(max = 500) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }

    @GetMapping("/units/{uscc}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    UnitPage unit(@PathVariable String uscc, Caller caller) {
        return unitPage(subjects.unit(uscc).orElseThrow(() -> ApiException.notFound("unit " + uscc)), caller);
    }

    /** Registers a unit; only the credit office may accept a pilot code that fails its check, with a reason. */
    @PostMapping("/units")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Unit registerUnit(@Valid @RequestBody RegisterUnit request, Caller caller) {
        return subjects.registerUnit(request.uscc(), request.name(), request.checkOverrideReason(), caller.department());
    }

    /** The only way a registered unit name changes: audited, by the credit office or a deciding department. */
    @PostMapping("/units/{uscc}/name-changes")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    UnitPage renameUnit(@PathVariable String uscc, @Valid @RequestBody UnitNameChange request, Caller caller) {
        return unitPage(subjects.renameUnit(uscc, request.name(), request.reason(), caller), caller);
    }

    @GetMapping("/persons/{id}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    PersonPage person(@PathVariable String id, @RequestParam(required = false) String reveal, Caller caller) {
        if (reveal != null) {
            throw ApiException.badField("reveal", "is gone: the credit office sees a full ID number with "
                    + "POST /api/v1/subjects/persons/{id}/id-number-reveals and the reason, which is recorded");
        }
        return personPage(subjects.visiblePerson(id, caller), caller);
    }

    /** Why the credit office needs to see a person's full ID number (recorded with who and when). */
    record RevealRequest(@NotBlank @Size(max = 500) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }

    /**
     * The full ID number, for the credit office only and only with a reason: each reveal writes an
     * audit row (who, when, which person, why) in the same transaction. The number is in this
     * answer and nowhere else; nothing caches it ({@code Cache-Control: no-store}).
     */
    @PostMapping("/persons/{id}/id-number-reveals")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SubjectService.Reveal> revealIdNumber(@PathVariable String id, @Valid @RequestBody RevealRequest request,
            Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(subjects.revealIdNumber(id, request.reason(), caller));
    }

    /** Who saw the person's full number, when and why, newest first. */
    @GetMapping("/persons/{id}/id-number-reveals")
    @PreAuthorize("hasRole('ADMIN')")
    List<SubjectService.Reveal> reveals(@PathVariable String id, Caller caller) {
        return subjects.reveals(id, caller);
    }

    @PostMapping("/persons/{id}/name-changes")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    PersonPage renamePerson(@PathVariable String id, @Valid @RequestBody PersonNameChange request, Caller caller) {
        return personPage(subjects.renamePerson(id, request.name(), request.reason(), caller), caller);
    }

    /**
     * Finds a person by ID number sent in the body (never in a URL, where it would be logged). A
     * person the caller has no case or listing of answers 404 like an unknown number.
     */
    @PostMapping("/persons/search")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    PersonPage findPerson(@Valid @RequestBody PersonLookup request, Caller caller) {
        Person person = subjects.findPerson(ResidentIdNumber.parse(request.idNumber(), "idNumber"))
                .map(found -> subjects.requireVisible(found, caller, "person with this ID number"))
                .orElseThrow(() -> ApiException.notFound("person with this ID number"));
        return personPage(person, caller);
    }

    /**
     * Any enforcement department may look a unit up (before it records a case of it): the code,
     * registered name and area. How it was registered and renamed, with the reasons, is for the
     * credit office and the departments with a case of it; their own listings and cases only.
     */
    private UnitPage unitPage(Unit unit, Caller caller) {
        if (!subjects.hasCaseOf(unit, caller)) {
            return new UnitPage(new Unit(unit.id(), unit.uscc(), unit.name(), unit.areaCode(), null, null),
                    List.of(), List.of(), List.of());
        }
        return new UnitPage(unit, ownListings(unit.key(), caller), ownViolations(violations.ofUnit(unit.id()), caller),
                subjects.nameHistory(unit));
    }

    private PersonPage personPage(Person person, Caller caller) {
        return new PersonPage(person.publicId(), person.name(), person.maskedIdNumber(),
                ownListings(person.key(), caller), ownViolations(violations.ofPerson(person.id()), caller),
                subjects.nameHistory(person));
    }

    /**
     * Another department's listings and cases are left out entirely, as if they did not exist; a
     * department sees the listings it decides and those proposed on its own cases (referred to the
     * competent department).
     */
    private List<ListingView> ownListings(String subjectKey, Caller caller) {
        return listings.ofSubject(subjectKey).stream().filter(l -> listings.isVisible(l, caller.requester())).map(views::brief).toList();
    }

    private static List<ViolationView> ownViolations(List<ViolationView> all, Caller caller) {
        return all.stream().filter(v -> caller.owns(v.department())).toList();
    }
}
