"""Access functions for Oscar's dashboard menu (settings import this module: no model imports
at module level)."""


def producer_access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
    from vendors.selectors import vendor_for_user

    return vendor_for_user(user=user) is not None


def staff_access_fn(user, url_name, url_args=None, url_kwargs=None) -> bool:
    return user.is_authenticated and user.is_staff
