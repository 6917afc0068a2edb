//! The symbol table of a given source is always the same: names that pass through a
//! scope as free variables (used in a nested function, bound further out) used to
//! come out in hash-set order, which changes from run to run.

const SOURCE: &str = "
def outer(alpha, beta, gamma, delta, epsilon, zeta, eta, theta):
    def middle():
        def inner():
            return alpha + beta + gamma + delta + epsilon + zeta + eta + theta
        return inner
    return middle
";

#[test]
fn free_variables_passing_through_keep_one_order() {
    let first = adder_compiler::symtable_report(SOURCE, "<test>").expect("valid source");
    assert!(
        first.contains("theta"),
        "the report lists the free names:\n{first}"
    );
    for _ in 0..32 {
        let again = adder_compiler::symtable_report(SOURCE, "<test>").expect("valid source");
        assert_eq!(first, again);
    }
}
