package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.listing.ListingView;
import cn.chongchuan.safetycredit.credit.listing.ListingViews;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.violation.ViolationService;
import cn.chongchuan.safetycredit.credit.violation.ViolationView;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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

/** A subject's page: the unit or person with all its listings and violations. */
@RestController
@RequestMapping("/api/v1/subjects")
class SubjectController {

    private static final Logger log = LoggerFactory.getLogger(SubjectController.class);

    private final SubjectService subjects;
    private final ListingService listings;
    private final ListingViews views;
    private final ViolationService violations;

    SubjectController(SubjectService subjects, ListingService listings, ListingViews views, ViolationService violations) {
        this.subjects = subjects;
        this.listings = listings;
        this.views = views;
        this.violations = violations;
    }

    record UnitPage(Unit unit, List<ListingView> listings, List<ViolationView> violations) {
    }

    /** A person, masked unless an admin asked to reveal the number (which is logged, without the number). */
    record PersonPage(long id, String name, String maskedIdNumber, String idNumber, List<ListingView> listings,
                      List<ViolationView> violations) {
    }

    record RegisterUnit(@NotBlank @Size(max = 18) String uscc,
                        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name,
                        @Size(max = 300) String checkOverrideReason) {
    }

    record PersonLookup(@NotBlank @Size(max = 18) String idNumber) {
    }

    @GetMapping("/units/{uscc}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    UnitPage unit(@PathVariable String uscc) {
        Unit unit = subjects.unit(uscc).orElseThrow(() -> ApiException.notFound("unit " + uscc));
        return new UnitPage(unit, listings.ofSubject(unit.key()).stream().map(views::brief).toList(),
                violations.ofUnit(unit.id()));
    }

    /** Registers a unit; only the credit office may accept a pilot code that fails its check, with a reason. */
    @PostMapping("/units")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Unit registerUnit(@Valid @RequestBody RegisterUnit request, Caller caller) {
        return subjects.registerUnit(request.uscc(), request.name(), request.checkOverrideReason(), caller.department());
    }

    @GetMapping("/persons/{id}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    PersonPage person(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal, Caller caller) {
        return personPage(subjects.person(id), reveal, caller);
    }

    /** Finds a person by ID number sent in the body (never in a URL, where it would be logged). */
    @PostMapping("/persons/search")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    PersonPage findPerson(@Valid @RequestBody PersonLookup request, Caller caller) {
        Person person = subjects.findPerson(ResidentIdNumber.parse(request.idNumber(), "idNumber"))
                .orElseThrow(() -> ApiException.notFound("person with this ID number"));
        return personPage(person, false, caller);
    }

    private PersonPage personPage(Person person, boolean reveal, Caller caller) {
        if (reveal && !caller.hasRole("ADMIN")) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "only the credit office may see a full ID number");
        }
        String plain = null;
        if (reveal) {
            log.info("personal ID number of person {} revealed to {}", person.id(), caller.department());
            plain = subjects.revealIdNumber(person.id());
        }
        return new PersonPage(person.id(), person.name(), person.maskedIdNumber(), plain,
                listings.ofSubject(person.key()).stream().map(views::brief).toList(), violations.ofPerson(person.id()));
    }
}
