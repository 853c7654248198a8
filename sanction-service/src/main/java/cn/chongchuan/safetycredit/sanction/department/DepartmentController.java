package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.sanction.support.PathParameters;
import cn.chongchuan.safetycredit.sanction.support.SanctionProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** ADMIN's department registry: who receives notices, where, and with which signing secrets and Ed25519 keys. */
@RestController
@RequestMapping("/api/v1/departments")
@PreAuthorize("hasRole('ADMIN')")
class DepartmentController {

    static final String CODE = PathParameters.DEPARTMENT_CODE;

    private final DepartmentService departments;

    DepartmentController(DepartmentService departments) {
        this.departments = departments;
    }

    @GetMapping
    List<DepartmentView> list() {
        return departments.listDepartments();
    }

    @GetMapping("/{code}")
    DepartmentView get(@PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code) {
        return departments.describe(code);
    }

    @PutMapping("/{code}")
    DepartmentView register(@PathVariable String code, @Valid @RequestBody DepartmentRequest request) {
        PathParameters.require("code", code, CODE, "must be a department code");
        return departments.registerDepartment(code, request);
    }

    @PostMapping("/{code}/secrets")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedSecret rotateSecret(@PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code) {
        return departments.rotateSecret(code);
    }

    @DeleteMapping("/{code}/secrets/{keyId}")
    DepartmentView retireSecret(@PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code,
            @PathVariable @Pattern(regexp = "k-[0-9a-f]{12}", message = "must be a key id") String keyId) {
        return departments.retireSecret(code, keyId);
    }

    /**
     * The department's active Ed25519 public keys ({@code whpk_…}, newest first), for ADMIN and for the
     * department itself, to verify {@code v1a} signatures with; another department's answer 404.
     */
    @GetMapping("/{code}/ed25519-keys")
    @PreAuthorize("hasAnyRole('PARTNER', 'ADMIN')")
    List<DepartmentView.PublicKeyView> ed25519Keys(@AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code) {
        if (!Caller.of(jwt).owns(code)) {
            // As an absent department answers: another department's keys are not disclosed.
            throw SanctionProblems.notFound("Department " + code);
        }
        return departments.publicKeys(code);
    }

    /** A new Ed25519 key pair ({@code v1a} signatures); the answer carries its public key, never the private one. */
    @PostMapping("/{code}/ed25519-keys")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedPublicKey createEd25519Key(
            @PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code) {
        return departments.createEd25519Key(code);
    }

    @DeleteMapping("/{code}/ed25519-keys/{keyId}")
    DepartmentView retireEd25519Key(
            @PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code,
            @PathVariable @Pattern(regexp = "pk-[0-9a-f]{12}", message = "must be an Ed25519 key id") String keyId) {
        return departments.retireEd25519Key(code, keyId);
    }
}
