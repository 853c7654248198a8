package cn.chongchuan.safetycredit.credit.catalogue;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The listing criteria catalogue, for forms and for reviewers. */
@RestController
class CriterionController {

    private final CatalogueService catalogue;

    CriterionController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/v1/criteria")
    @PreAuthorize("isAuthenticated()")
    List<CriterionView> criteria() {
        return catalogue.criteria().stream().map(CriterionView::of).toList();
    }
}
